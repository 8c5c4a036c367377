package io.inkwell.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The server distributions that Maven downloaded for the build (see {@code local-stack.properties}), and
 * their unpacking. A distribution is unpacked once into a folder of its own and reused afterwards.
 */
final class Distributions {

    private static final Properties PROPERTIES = load();

    private Distributions() {
    }

    static String property(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.startsWith("@")) {
            throw new IllegalStateException("local-stack.properties has no " + key
                    + ": build the project with Maven first (./mvnw -DskipTests install)");
        }
        return value;
    }

    /**
     * Unpacks {@code zip} into {@code target}, dropping the archive's single top folder. A marker file
     * makes the next call a no-op; a half-unpacked folder from an interrupted run is replaced.
     */
    static Path unpack(Path zip, Path target) {
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    String name = entry.getName();
                    int slash = name.indexOf('/');
                    if (slash < 0 || slash == name.length() - 1) {
                        continue;
                    }
                    Path file = target.resolve(name.substring(slash + 1)).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("zip entry outside the target folder: " + name);
                    }
                    // Explicit permissions, whatever the umask: Elasticsearch reads these files as 'nobody'.
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                                name.contains("/bin/") || name.endsWith(".so") ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            Files.createFile(marker);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip + " into " + target, e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream("/local-stack.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
