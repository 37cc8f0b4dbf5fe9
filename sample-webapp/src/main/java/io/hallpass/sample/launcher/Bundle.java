package io.hallpass.sample.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The content of the runnable jar, unpacked into a private temporary folder for one run:
 * <pre>
 * hallpass-sample.jar
 *   io/hallpass/sample/launcher/...      this launcher (JDK classes only)
 *   webapp/hallpass-sample.war           the WAR, exactly as the build made it
 *   containers/tomcat/*.jar              tomcat-embed-core (with its own Servlet API) and the Tomcat boot class
 *   containers/jetty/*.jar               jetty-ee11-webapp and its dependencies, the Servlet API, the Jetty boot class
 * </pre>
 * Only the chosen container's folder becomes a class path, in a class loader of its own.
 */
final class Bundle implements AutoCloseable {

    static final String WAR_ENTRY = "webapp/hallpass-sample.war";
    static final String CONTAINERS = "containers/";

    private final Path folder;
    private final Path war;
    private final List<Path> jars;

    private Bundle(Path folder, Path war, List<Path> jars) {
        this.folder = folder;
        this.war = war;
        this.jars = jars;
    }

    /**
     * Unpacks the WAR and the jars of one container from the jar this class was loaded from.
     *
     * @throws IOException if this is not running from the packaged jar, or the jar lacks an entry
     */
    static Bundle unpack(Options.Server server) throws IOException {
        Path self = ownJar();
        Path folder = Files.createTempDirectory("hallpass-sample-");
        try (JarFile jar = new JarFile(self.toFile())) {
            Path war = copy(jar, WAR_ENTRY, folder.resolve("hallpass-sample.war"));
            String prefix = CONTAINERS + server.id() + "/";
            Path lib = Files.createDirectories(folder.resolve(server.id()));
            List<Path> jars = new ArrayList<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".jar") && name.indexOf('/', prefix.length()) < 0) {
                    jars.add(copy(jar, name, lib.resolve(name.substring(prefix.length()))));
                }
            }
            if (jars.isEmpty()) {
                throw new IOException(self + " carries no " + server.id() + " jars under " + prefix);
            }
            return new Bundle(folder, war, List.copyOf(jars));
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    private static Path ownJar() throws IOException {
        try {
            URL location = Bundle.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            if (!Files.isRegularFile(path)) {
                throw new IOException("run the packaged jar (sample-webapp/target/hallpass-sample.jar), not " + path);
            }
            return path;
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the runnable jar: " + e.getMessage(), e);
        }
    }

    private static Path copy(JarFile jar, String entryName, Path target) throws IOException {
        JarEntry entry = jar.getJarEntry(entryName);
        if (entry == null) {
            throw new IOException("the runnable jar has no " + entryName);
        }
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    Path folder() {
        return folder;
    }

    Path war() {
        return war;
    }

    /** A class loader over the container's jars, whose parent is the launcher's. */
    URLClassLoader classLoader(String name) throws MalformedURLException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        return new URLClassLoader(name, urls, Bundle.class.getClassLoader());
    }

    /** Deletes the unpacked files. */
    @Override
    public void close() {
        delete(folder);
    }

    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a shutdown for
        }
    }
}
