package io.cdkj.toolkit.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppCommandLineTest {

    @Test
    void summary_classPathInQuotesOrPlainOrWithEquals_isShortened() {
        assertThat(AppCommandLine.summary("'/usr/lib/jvm/bin/java' -cp '/a.jar:/b.jar' io.x.App"))
                .isEqualTo("'/usr/lib/jvm/bin/java' -cp … io.x.App");
        assertThat(AppCommandLine.summary("java -classpath /a.jar:/b.jar io.x.App arg"))
                .isEqualTo("java -classpath … io.x.App arg");
        assertThat(AppCommandLine.summary("java --class-path=\"/a b.jar:/c.jar\" io.x.App"))
                .isEqualTo("java --class-path=… io.x.App");
    }

    @Test
    void summary_shortCommandWithoutClassPath_isUnchanged() {
        assertThat(AppCommandLine.summary("../mvnw -e -q compile exec:java")).isEqualTo("../mvnw -e -q compile exec:java");
    }

    @Test
    void summary_veryLongCommand_isCut() {
        String summary = AppCommandLine.summary("node " + "x".repeat(500));

        assertThat(summary).hasSize(AppCommandLine.MAX_LENGTH).endsWith("…");
    }
}
