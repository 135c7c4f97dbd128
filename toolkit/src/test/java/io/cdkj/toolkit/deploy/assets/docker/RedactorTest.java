package io.cdkj.toolkit.deploy.assets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void redact_hidesEverySecret_longestFirst() {
        Redactor redactor = new Redactor();
        redactor.add("QVdTOnBhc3N3b3Jk");
        redactor.add("s3cret");
        redactor.add("");

        assertThat(redactor.redact("token QVdTOnBhc3N3b3Jk, password s3cret!"))
                .isEqualTo("token ****, password ****!");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void registryCredentials_toString_leavesThePasswordOut_andHostDropsSchemeAndSlash() {
        RegistryCredentials credentials = new RegistryCredentials("https://111111111111.dkr.ecr.us-east-1.amazonaws.com/",
                "AWS", "eyJwYXlsb2FkIjoi");

        assertThat(credentials.toString()).doesNotContain("eyJwYXlsb2FkIjoi").contains("password=****");
        assertThat(credentials.host()).isEqualTo("111111111111.dkr.ecr.us-east-1.amazonaws.com");
    }
}
