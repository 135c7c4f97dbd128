package io.cdkj.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLogTest {

    @Test
    void stack_parallelWriters_everyLineWholeAndPrefixed() throws Exception {
        // given: a writer that hands characters through one at a time, so unsynchronized lines would mix
        StringBuilder text = new StringBuilder();
        Writer slow = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    synchronized (text) {
                        text.append(chars[offset + i]);
                    }
                    Thread.yield();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ProgressLog log = new ProgressLog(new PrintWriter(slow));
        List<Thread> threads = new ArrayList<>();
        for (String stack : List.of("devSampleApp", "prodSampleApp", "otherApp")) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    log.stack(stack, "event " + i + " of " + stack);
                }
            }));
        }

        // when
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }

        // then
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(150).allSatisfy(line ->
                assertThat(line).matches("(\\w+) \\| event \\d+ of \\1"));
    }
}
