package io.cdkj.toolkit.deploy.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory assets zipped with the Node CDK CLI's layout: Unix modes, fixed time, deterministic bytes. */
class DeterministicZipTest {

    @TempDir
    Path dir;

    @Test
    void write_executableFile_extractsWithMode0755() throws Exception {
        // given
        Path asset = lambdaDirectory();
        Path zip = dir.resolve("asset.zip");
        DeterministicZip.write(asset, zip, System.getenv("PATH"), line -> { });
        assumeThat(onPath("unzip")).as("unzip on PATH").isTrue();

        // when
        Path out = Files.createDirectories(dir.resolve("out"));
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", out.toString())
                .redirectErrorStream(true).start();
        assertThat(unzip.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(unzip.exitValue()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("bootstrap"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("lib/handler.sh"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve("bootstrap"))).startsWith("#!/bin/sh");
    }

    @Test
    void write_layout_isTheNodeCliLayout() throws Exception {
        // when
        List<ZipLayout.Entry> entries = ZipLayout.read(zip(lambdaDirectory(), JdkDeflate.INSTANCE));

        // then
        assertThat(entries).extracting(ZipLayout.Entry::name).containsExactly("bootstrap", "lib/handler.sh");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.madeBy()).as("Unix, zip 6.3").isEqualTo(0x033F);
            assertThat(e.versionNeeded()).isEqualTo(20);
            assertThat(e.flags()).as("UTF-8 names, sizes in the local header").isEqualTo(0x0800);
            assertThat(e.method()).as("deflate").isEqualTo(8);
            assertThat(e.dosTime()).isZero();
            assertThat(e.dosDate()).as("1980-01-01").isEqualTo(0x21);
            assertThat(e.centralExtraLength()).isZero();
            assertThat(e.localExtraLength()).isZero();
        });
        assertThat(entries.get(0).unixMode()).isEqualTo(0100755);
        assertThat(entries.get(1).unixMode()).isEqualTo(0100644);
    }

    @Test
    void write_sameContentOtherTimesAndCreationOrder_identicalBytes() throws Exception {
        // given
        Path first = Files.createDirectories(dir.resolve("first"));
        DirectoryWalkTest.write(first, "z.txt", "sub/b.txt", "a.txt");
        Path second = Files.createDirectories(dir.resolve("second"));
        DirectoryWalkTest.write(second, "sub/b.txt", "a.txt", "z.txt");
        Files.setLastModifiedTime(second.resolve("z.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        // when
        byte[] one = zip(first, JdkDeflate.INSTANCE);
        byte[] two = zip(second, JdkDeflate.INSTANCE);

        // then
        assertThat(two).isEqualTo(one);
        assertThat(ZipLayout.read(one)).extracting(ZipLayout.Entry::name).containsExactly("a.txt", "z.txt", "sub/b.txt");
    }

    @Test
    void write_nodeAndJdkDeflate_sameEntriesAndContentEitherWay() throws Exception {
        // given
        Path node = NodeDeflate.find(System.getenv("PATH")).orElse(null);
        assumeThat(node).as("node on PATH").isNotNull();
        Path asset = lambdaDirectory();
        Files.writeString(asset.resolve("big.txt"), "the quick brown fox jumps over the lazy dog ".repeat(200)
                + "and then some more words to compress, ".repeat(50));

        // when
        Path withJdk = dir.resolve("jdk.zip");
        Files.write(withJdk, zip(asset, JdkDeflate.INSTANCE));
        Path withNode = dir.resolve("node.zip");
        try (NodeDeflate deflate = NodeDeflate.start(node)) {
            Files.write(withNode, zip(asset, deflate));
        }

        // then
        assertThat(contents(withNode)).isEqualTo(contents(withJdk)).containsKeys("bootstrap", "big.txt");
        assertThat(ZipLayout.read(Files.readAllBytes(withNode))).extracting(ZipLayout.Entry::unixMode)
                .isEqualTo(ZipLayout.read(Files.readAllBytes(withJdk)).stream().map(ZipLayout.Entry::unixMode).toList());
    }

    @Test
    void write_noNodeOnPath_usesTheJdkAndSaysSo() throws Exception {
        // given
        List<String> verbose = new ArrayList<>();
        Path zip = dir.resolve("asset.zip");

        // when
        DeterministicZip.Result result = DeterministicZip.write(lambdaDirectory(), zip, dir.resolve("empty-bin").toString(),
                verbose::add);

        // then
        assertThat(result.compressor()).isEqualTo("jdk");
        assertThat(verbose).singleElement().asString().contains("with the JDK's zlib: no 'node' on PATH");
        assertThat(contents(zip)).containsKeys("bootstrap", "lib/handler.sh");
    }

    @Test
    void write_nodeOnPath_usesNodesZlibSilently() throws Exception {
        // given
        assumeThat(NodeDeflate.find(System.getenv("PATH"))).as("node on PATH").isPresent();
        List<String> verbose = new ArrayList<>();

        // when
        DeterministicZip.Result result = DeterministicZip.write(lambdaDirectory(), dir.resolve("asset.zip"),
                System.getenv("PATH"), verbose::add);

        // then
        assertThat(result.compressor()).isEqualTo("node");
        assertThat(verbose).isEmpty();
    }

    @Test
    void write_fileReachedThroughALinkLeavingTheDirectory_isReportedAsOutside() throws Exception {
        // given
        Path shared = Files.createDirectories(dir.resolve("shared"));
        DirectoryWalkTest.write(shared, "common.sh");
        Path asset = lambdaDirectory();
        Files.createSymbolicLink(asset.resolve("common.sh"), shared.resolve("common.sh"));

        // when
        DeterministicZip.Result result = DeterministicZip.write(asset, dir.resolve("asset.zip"),
                dir.resolve("empty-bin").toString(), line -> { });

        // then
        assertThat(result.outside()).extracting(DirectoryWalk.Source::name).containsExactly("common.sh");
        assertThat(contents(dir.resolve("asset.zip"))).containsEntry("common.sh", "common.sh");
    }

    private Path lambdaDirectory() throws Exception {
        Path asset = Files.createDirectories(dir.resolve("lambda-" + System.nanoTime()));
        Files.writeString(asset.resolve("bootstrap"), "#!/bin/sh\nexec ./lib/handler.sh \"$@\"\n");
        Files.setPosixFilePermissions(asset.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(asset.resolve("lib"));
        Files.writeString(asset.resolve("lib/handler.sh"), "echo handled\n");
        Files.setPosixFilePermissions(asset.resolve("lib/handler.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        return asset;
    }

    private static byte[] zip(Path directory, RawDeflate deflate) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZip.write(directory, out, deflate);
        return out.toByteArray();
    }

    private static Map<String, String> contents(Path zip) throws Exception {
        Map<String, String> contents = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                contents.put(entry.getName(), new String(file.getInputStream(entry).readAllBytes()));
            }
        }
        return contents;
    }

    static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
