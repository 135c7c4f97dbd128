package io.cdkj.plugin.profile;

import java.util.Objects;

/**
 * Which profile serves a request, or why none does. Immutable.
 */
sealed interface Choice {

    /**
     * A profile serves the request.
     *
     * @param profile the profile name
     * @param reason  how it was chosen, for {@code cdkj credentials}: the mapping key, or what discovery matched
     */
    record Chosen(String profile, String reason) implements Choice {
        public Chosen {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No profile acts in the account.
     *
     * @param reason what was searched, for the host's decline message
     */
    record NotFound(String reason) implements Choice {
        public NotFound {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
