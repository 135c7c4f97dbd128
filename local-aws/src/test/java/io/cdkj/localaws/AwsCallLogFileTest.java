package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MotoExtension.class)
class AwsCallLogFileTest {

  @TempDir
  Path dir;

  @Test
  void readFile_callsMadeInAnotherJvm_areCountedPerAccount(MotoServer moto) throws Exception {
    // given: a child JVM with local-aws on its class path and CDKJ_AWS_CALL_LOG set
    Path file = dir.resolve("calls.tsv");
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CallLogChildMain.class.getName(),
        moto.endpoint().toString(), "333333333333")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.out").toFile());
    child.environment().put(AwsCallLog.FILE_ENV, file.toString());

    // when
    Process process = child.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("child.out"))).isZero();
    AwsCallLog log = AwsCallLog.readFile(file);

    // then
    assertThat(log.count("Sts", "AssumeRole", MotoServer.DEFAULT_ACCOUNT)).isEqualTo(0); // child's key is unknown to it
    assertThat(log.count("Sts", "AssumeRole")).isEqualTo(1);
    assertThat(log.count("Ssm", "DescribeParameters", "333333333333")).isEqualTo(2);
    assertThat(log.accountsFor("Ssm", "DescribeParameters")).containsExactly("333333333333");
    assertThat(Files.readString(file)).doesNotContain("\tx\t").doesNotContain("Token");
  }

  @Test
  void readFile_missingFile_isEmpty() throws Exception {
    assertThat(AwsCallLog.readFile(dir.resolve("absent")).calls()).isEmpty();
  }
}
