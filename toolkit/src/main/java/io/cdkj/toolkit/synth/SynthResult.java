package io.cdkj.toolkit.synth;

import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.lookups.LookupFailure;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a synth.
 *
 * @param assembly   the final cloud assembly
 * @param failures   lookups that failed (their messages reached the app as provider errors)
 * @param unresolved context keys still missing when the loop gave up for lack of progress
 * @param timings    where the time went
 */
public record SynthResult(CloudAssembly assembly, List<LookupFailure> failures, List<String> unresolved,
                          SynthTimings timings) {

    public SynthResult {
        Objects.requireNonNull(assembly, "assembly");
        failures = List.copyOf(failures);
        unresolved = List.copyOf(unresolved);
        Objects.requireNonNull(timings, "timings");
    }
}
