package io.cdkj.plugin.profile;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the profile for a request from the files alone: the explicit mapping of the account if it
 * maps the request's mode, else the one profile whose keys put it in the account, else among several
 * the one whose role name matches the mode's pattern; anything else is ambiguous and fails, naming
 * the candidates and the key that settles it. Stateless.
 */
final class ProfileChooser {

    private ProfileChooser() {
    }

    /**
     * @throws CredentialProviderException when a mapping names a missing profile, or the choice is ambiguous
     */
    static Choice choose(CredentialRequest request, ProfileSettings settings, AwsProfiles profiles) {
        Optional<AccountMapping> mapping = settings.mapping(request.account());
        Optional<String> mapped = mapping.flatMap(m -> m.profileFor(request.mode()));
        if (mapped.isPresent()) {
            String key = mapping.get().keyFor(request.mode());
            if (profiles.profile(mapped.get()).isEmpty()) {
                throw new CredentialProviderException(key + " names the profile '" + mapped.get() + "', which is not in "
                        + profiles.searched() + "; fix the mapping or add the profile (aws configure sso --profile "
                        + mapped.get() + ")");
            }
            return new Choice.Chosen(mapped.get(), "mapped by " + key);
        }
        List<DiscoveredProfile> candidates = profiles.profiles().values().stream()
                .flatMap(profile -> DiscoveredProfile.of(profile, profiles).stream())
                .filter(found -> found.account().equals(request.account()))
                .filter(found -> found.inPartition(request.partition()))
                .sorted(java.util.Comparator.comparing(DiscoveredProfile::name))
                .toList();
        if (candidates.isEmpty()) {
            return new Choice.NotFound("no AWS profile acts in account " + request.account() + ": none of the "
                    + profiles.profiles().size() + " profiles in " + profiles.searched()
                    + " has an sso_account_id, role_arn or aws_account_id in that account, and " + ProfileKeys.ACCOUNTS
                    + " does not map it");
        }
        if (candidates.size() == 1) {
            DiscoveredProfile only = candidates.get(0);
            return new Choice.Chosen(only.name(), "the only profile in account " + request.account() + " (" + only.accountKey() + ")");
        }
        Pattern preferred = settings.rolePattern(request.mode());
        List<DiscoveredProfile> matching = candidates.stream()
                .filter(found -> found.roleName().filter(role -> preferred.matcher(role).find()).isPresent())
                .toList();
        if (matching.size() == 1) {
            DiscoveredProfile chosen = matching.get(0);
            return new Choice.Chosen(chosen.name(), "role " + chosen.roleName().orElseThrow() + " matches "
                    + ProfileSettings.rolePatternKey(request.mode()) + " '" + preferred.pattern() + "' among "
                    + candidates.size() + " profiles in account " + request.account());
        }
        throw ambiguous(request, preferred, candidates, matching);
    }

    private static CredentialProviderException ambiguous(CredentialRequest request, Pattern preferred,
            List<DiscoveredProfile> candidates, List<DiscoveredProfile> matching) {
        Mode mode = request.mode();
        String patternKey = ProfileSettings.rolePatternKey(mode);
        String why = matching.isEmpty()
                ? "the " + mode.cliName() + " role pattern (" + patternKey + " '" + preferred.pattern() + "') matches none of them"
                : "the " + mode.cliName() + " role pattern (" + patternKey + " '" + preferred.pattern() + "') matches "
                        + matching.size() + " of them";
        String listed = candidates.stream().map(DiscoveredProfile::describe).collect(Collectors.joining(", "));
        String example = (matching.isEmpty() ? candidates : matching).get(0).name();
        return new CredentialProviderException(candidates.size() + " AWS profiles act in account " + request.account()
                + " and " + why + ": " + listed + ". Choose one with " + ProfileKeys.ACCOUNTS + " in cdk.json's context, e.g. "
                + "\"" + ProfileKeys.ACCOUNTS + "\": {\"" + request.account() + "\": {\"" + mode.cliName() + "\": \"" + example
                + "\"}}");
    }
}
