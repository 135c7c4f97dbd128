package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackPatternTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = ';', value = {
        "dev*          ; devSampleApp      ; true",
        "dev*          ; prodSampleApp     ; false",
        "*App          ; devSampleApp      ; true",
        "*             ; anything/at/all   ; true",
        "*             ; ''                ; true",
        "Stage/*       ; Stage/Inner       ; true",
        "Stage/*       ; Other/Inner       ; false",
        "*Sample*      ; devSampleApp      ; true",
        "d*v*p         ; devSampleApp      ; true",
        "d*v*q         ; devSampleApp      ; false",
        "a*a*a*a*b     ; aaaaaaaaaaaaaaaaa ; false",
        "a\\E[*        ; a\\E[x            ; true",
        "a\\E[*        ; aE[x              ; false",
        "a.*           ; a.b               ; true",
        "a.*           ; axb               ; false",
        "(x|y)*        ; (x|y)z            ; true",
        "exact         ; exact             ; true",
        "exact         ; exactly           ; false",
        "**            ; x                 ; true",
    })
    void matches_onlyTheStarIsSpecial(String pattern, String name, boolean expected) {
        assertThat(new StackPattern(pattern).matches(name)).isEqualTo(expected);
    }
}
