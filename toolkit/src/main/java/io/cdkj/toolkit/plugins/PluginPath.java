package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Expands the launcher's plugin path into jars and checks each one on its own, so one corrupt or
 * unreadable jar is reported with its cause while the others still load. A directory entry stands for
 * the {@code *.jar} files in it (sorted) — unless it has its own {@code META-INF/services} file for
 * plugins, in which case it is an exploded plugin (e.g. a plugin project's {@code target/classes}) and
 * is used as a class directory. A missing entry is skipped (the launcher passes optional places such
 * as {@code ./plugins}). Stateless.
 *
 * @param jars       readable jars, in order, without duplicates
 * @param failures   jars that could not be opened
 * @param declaredBy provider class name → the jar whose service file lists it (to name jars in errors)
 */
record PluginPath(List<Path> jars, List<LoadFailure> failures, Map<String, Path> declaredBy) {

    static final String SERVICE_FILE = "META-INF/services/" + CredentialProviderSource.class.getName();

    static PluginPath scan(List<Path> entries) {
        Set<Path> candidates = new LinkedHashSet<>();
        List<LoadFailure> failures = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(SERVICE_FILE))) {
                candidates.add(entry.toAbsolutePath().normalize());
            } else if (Files.isDirectory(entry)) {
                candidates.addAll(jarsIn(entry, failures));
            } else if (Files.exists(entry)) {
                candidates.add(entry.toAbsolutePath().normalize());
            }
        }
        List<Path> jars = new ArrayList<>();
        Map<String, Path> declaredBy = new LinkedHashMap<>();
        for (Path jar : candidates) {
            try {
                for (String provider : declaredProviders(jar)) {
                    declaredBy.putIfAbsent(provider, jar);
                }
                jars.add(jar);
            } catch (IOException | SecurityException e) {
                failures.add(new LoadFailure(jar.toString(), "cannot open plugin jar: " + LoadFailure.describe(e)
                        + ". Replace or remove the file."));
            }
        }
        return new PluginPath(List.copyOf(jars), List.copyOf(failures), Map.copyOf(declaredBy));
    }

    URL[] urls() {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a file path is always a valid URL: " + jar, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static List<Path> jarsIn(Path directory, List<LoadFailure> failures) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
            stream.forEach(jar -> jars.add(jar.toAbsolutePath().normalize()));
        } catch (IOException e) {
            failures.add(new LoadFailure(directory.toString(), "cannot list plugin directory: " + LoadFailure.describe(e)));
        }
        jars.sort(null);
        return jars;
    }

    /** Opens the jar fully enough to prove it is a readable zip, and reads its plugin service file. */
    private static List<String> declaredProviders(Path jar) throws IOException {
        if (!Files.isReadable(jar)) {
            throw new IOException("file is not readable");
        }
        if (Files.isDirectory(jar)) {
            return serviceLines(Files.newBufferedReader(jar.resolve(SERVICE_FILE), StandardCharsets.UTF_8));
        }
        List<String> providers = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(SERVICE_FILE);
            if (entry == null) {
                return providers;
            }
            providers.addAll(serviceLines(new BufferedReader(
                    new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))));
        }
        return providers;
    }

    private static List<String> serviceLines(BufferedReader serviceFile) throws IOException {
        try (BufferedReader reader = serviceFile) {
            return reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
