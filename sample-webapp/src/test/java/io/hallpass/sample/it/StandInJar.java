package io.hallpass.sample.it;

import io.hallpass.sample.it.standin.StandInFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the runnable jar whose WAR declares {@link StandInFilter} instead of HallpassFilter and carries the
 * stand-in's classes. Everything else (launcher, containers, the portal's classes and web.xml) is the build's.
 */
final class StandInJar {

    private static final String REAL_FILTER = "<filter-class>io.hallpass.filter.HallpassFilter</filter-class>";
    private static final String WAR = "webapp/hallpass-sample.war";

    private StandInJar() {
    }

    static synchronized Path build() throws IOException, URISyntaxException {
        Path target = PortalProcess.newFolder("standin-jar").resolve("hallpass-sample-standin.jar");
        try (ZipFile jar = new ZipFile(PortalProcess.jar().toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = jar.getInputStream(entry)) {
                    if (entry.getName().equals(WAR)) {
                        out.write(war(in.readAllBytes()));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static byte[] war(byte[] original) throws IOException, URISyntaxException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(original.length + 65536);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(original));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            boolean replaced = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("WEB-INF/web.xml")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    replaced = xml.contains(REAL_FILTER);
                    out.write(xml.replace(REAL_FILTER, "<filter-class>" + StandInFilter.class.getName()
                            + "</filter-class>").getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                throw new IllegalStateException("web.xml does not declare " + REAL_FILTER);
            }
            addStandInClasses(out);
        }
        return bytes.toByteArray();
    }

    private static void addStandInClasses(ZipOutputStream out) throws IOException, URISyntaxException {
        Path classes = Path.of(StandInFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = StandInFilter.class.getPackageName().replace('.', '/');
        try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                out.putNextEntry(new ZipEntry("WEB-INF/classes/" + packagePath + "/" + file.getFileName()));
                try (OutputStream sink = new NonClosing(out)) {
                    Files.copy(file, sink);
                }
                out.closeEntry();
            }
        }
    }

    /** Lets Files.copy write into a zip entry without closing the zip. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
