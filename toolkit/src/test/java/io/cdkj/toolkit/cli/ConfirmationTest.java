package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    private final StringWriter prompt = new StringWriter();

    @Test
    void ask_interactiveYes_trueAfterShowingWhatHappens() {
        assertThat(ask("Yes\n", true)).isTrue();
        assertThat(prompt.toString()).isEqualTo("Are you sure you want to delete devSampleApp (y/n)? ");
    }

    @Test
    void ask_interactiveNoOrEndOfInput_false() {
        assertThat(ask("n\n", true)).isFalse();
        assertThat(ask("", true)).isFalse();
    }

    @Test
    void ask_notInteractive_failsNamingTheFlagWithoutReading() {
        ByteArrayInputStream in = new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Confirmation.ask(in, false, new PrintWriter(prompt), "delete devSampleApp", "--force"))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("Refusing to delete devSampleApp without confirmation: stdin is not a terminal."
                        + " Pass --force to go ahead without asking.");
        assertThat(in.available()).as("nothing read").isEqualTo(2);
        assertThat(prompt.toString()).isEmpty();
    }

    private boolean ask(String input, boolean interactive) {
        return Confirmation.ask(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), interactive,
                new PrintWriter(prompt), "delete devSampleApp", "--force");
    }
}
