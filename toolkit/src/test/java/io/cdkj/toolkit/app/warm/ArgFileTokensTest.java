package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.app.warm.apps.ArgsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of the java tool's documentation, "java Command-Line Argument Files", one by one. */
class ArgFileTokensTest {

    @TempDir
    Path dir;

    @Test
    void split_blanksAndLineEnds_separateArguments() {
        assertThat(ArgFileTokens.split("-Xmx1g\t-Da=b\f-cp x.jar\r\ncom.example.App\n  one   two\n"))
                .containsExactly("-Xmx1g", "-Da=b", "-cp", "x.jar", "com.example.App", "one", "two");
    }

    @Test
    void split_quotes_groupBlanksAndMayCoverPartOfAnArgument() {
        assertThat(ArgFileTokens.split("-cp \"lib/cool app/*:target/classes\" -Dk='a b' \"x\"'y'z"))
                .containsExactly("-cp", "lib/cool app/*:target/classes", "-Dk=a b", "xyz");
    }

    @Test
    void split_theOtherQuoteAndHash_areOrdinaryWithinQuotes() {
        assertThat(ArgFileTokens.split("\"it's #1\" 'say \"hi\"'"))
                .containsExactly("it's #1", "say \"hi\"");
    }

    @Test
    void split_emptyQuotes_areAnEmptyArgumentExceptAtTheVeryEnd() {
        assertThat(ArgFileTokens.split("a \"\" b\n''\n")).containsExactly("a", "", "b", "");
        assertThat(ArgFileTokens.split("a \"\"")).containsExactly("a");
    }

    @Test
    void split_backslashWithinQuotes_escapes() {
        assertThat(ArgFileTokens.split("\"C:\\\\java libs\\\\one.jar\" \"tab\\there\\n\\q\\\"\""))
                .containsExactly("C:\\java libs\\one.jar", "tab\there\nq\"");
    }

    @Test
    void split_backslashOutsideQuotes_isOrdinary() {
        assertThat(ArgFileTokens.split("C:\\lib\\a.jar c:\\\"partial quote\"\\lib"))
                .containsExactly("C:\\lib\\a.jar", "c:\\partial quote\\lib");
    }

    @Test
    void split_backslashAtLineEndWithinQuotes_continuesWithoutTheNextLinesLeadingBlanks() {
        assertThat(ArgFileTokens.split("-cp \"target/classes:\\\n    lib/a.jar:\\\r\n\t\tlib/b.jar\" Main"))
                .containsExactly("-cp", "target/classes:lib/a.jar:lib/b.jar", "Main");
    }

    @Test
    void split_lineEnd_endsAnOpenQuote() {
        assertThat(ArgFileTokens.split("an \"open quote \n  across line"))
                .containsExactly("an", "open quote ", "across", "line");
        assertThat(ArgFileTokens.split("\"open at the end")).containsExactly("open at the end");
    }

    @Test
    void split_hashOutsideQuotes_startsACommentToTheEndOfTheLine() {
        assertThat(ArgFileTokens.split("# the app\n-cp x.jar # its jar\n'#not' Main #last"))
                .containsExactly("-cp", "x.jar", "#not", "Main");
    }

    @Test
    void split_hashWithinAnUnquotedArgument_dropsItsUnquotedPartBeforeTheHash() {
        // as the launcher does: the quoted part carries over to the next argument
        assertThat(ArgFileTokens.split("abc#comment\ndef 'x'y#z\nw")).containsExactly("def", "xw");
    }

    @Test
    void split_agreesWithTheJdkLauncher() throws Exception {
        // given: argument files that exercise every rule, read by this JDK's own java launcher
        List<String> files = List.of(
                "-cp \"lib/cool app/*\" 'it''s' \"x\"'y'z \"\" b",
                "\"C:\\\\java\\tlibs\" c:\\\"partial quote\"\\lib \"\\q\\\"\"",
                "\"continued \\\n    here\\\r\n\t\tand here\" \"open \n quote",
                "# comment\n one #two\r\n'#three' abc#four\n'x'y#z\nw",
                "@nested.args $HOME\f~ \"\"");
        Path classes = Path.of(ArgsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String text : files) {
            Path file = dir.resolve("case.args");
            Files.writeString(file, ArgsApp.class.getName() + "\n" + text);
            Process process = new ProcessBuilder(java, "-Xshare:auto", "-cp", classes.toString(), "@" + file)
                    .redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(printed).isZero();

            // when
            List<String> ours = ArgFileTokens.split(text).stream().map(ArgFileTokensTest::shown).toList();

            // then
            assertThat(ours).as("argument file %s", text).containsExactlyElementsOf(printed.lines().toList());
        }
    }

    @Test
    void split_nothingElse_isExpanded() {
        assertThat(ArgFileTokens.split("@other.args $HOME lib/* ~")).containsExactly("@other.args", "$HOME", "lib/*", "~");
    }

    /** As {@link ArgsApp} prints an argument. */
    private static String shown(String arg) {
        return "<" + arg.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\f", "\\f") + ">";
    }
}
