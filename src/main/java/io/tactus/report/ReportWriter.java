package io.tactus.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.tactus.session.FileAnalysis;
import io.tactus.session.export.AtomicOutput;
import io.tactus.session.export.FileExport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes session reports: one self-contained HTML file per session (styles and pictures inline, opens offline),
 * optionally a PDF made from the same template with PNG pictures. Files appear atomically (written under hidden
 * ".part" names, renamed at the end). Templates are jte, precompiled at build time (src/main/jte).
 */
public final class ReportWriter {

    /** What to write. */
    public enum Format { HTML, PDF }

    static {
        // pdfbox logs through commons-logging, which picks SLF4J when slf4j-api is on the class path (it is, without
        // a provider: a three-line warning on every run). Route it to java.util.logging like the rest of Tactus.
        if (System.getProperty("org.apache.commons.logging.LogFactory") == null) {
            System.setProperty("org.apache.commons.logging.LogFactory",
                    "org.apache.commons.logging.impl.LogFactoryImpl");
            System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.Jdk14Logger");
        }
    }

    /** openhtmltopdf logs timings at INFO through java.util.logging; kept as a field so the level sticks. */
    private static final java.util.logging.Logger PDF_LOG = java.util.logging.Logger.getLogger("com.openhtmltopdf");

    static {
        PDF_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ReportWriter.class.getClassLoader(), "io.tactus.templates");

    private ReportWriter() {
    }

    /**
     * Renders a named template (e.g. "report.jte") with its one parameter to a string. The templates are compiled
     * into {@code io.tactus.templates} (generated code, a view over report and library types) and found by name.
     */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, model, out);
        return out.toString();
    }

    /**
     * Analyses {@code file} once and writes its report(s) into {@code outDir} as BASE.html / BASE.pdf.
     *
     * @param profileId profile for the flags; null = the recording's own
     * @return the written files
     * @throws IOException one-line message (unreadable recording, unwritable directory)
     */
    public static List<Path> write(Path file, String profileId, Path outDir, String baseName, List<Format> formats)
            throws IOException {
        FrameCapture frames = new FrameCapture();
        FileAnalysis.Result r = FileAnalysis.analyze(file, profileId, null, frames);
        String base = baseName != null ? baseName : FileExport.defaultBaseName(file);
        String name = file.getFileName().toString();
        try (AtomicOutput out = new AtomicOutput(outDir, true)) {
            List<Path> written = new ArrayList<>();
            for (Format f : formats) {
                if (f == Format.HTML) {
                    String html = render("report.jte", SessionReportBuilder.build(name, r, frames, Pictures.SVG));
                    Files.writeString(out.file(base + ".html"), html, StandardCharsets.UTF_8);
                } else {
                    String xhtml = render("report.jte", SessionReportBuilder.build(name, r, frames, Pictures.PNG));
                    writePdf(xhtml, out.file(base + ".pdf"));
                }
            }
            written.addAll(out.commit());
            return written;
        }
    }

    /** XHTML to PDF with openhtmltopdf (pure Java, headless). */
    public static void writePdf(String xhtml, Path pdf) throws IOException {
        try (OutputStream os = Files.newOutputStream(pdf)) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.withHtmlContent(xhtml, null);
            b.toStream(os);
            b.run();
        } catch (RuntimeException e) {
            throw new IOException("cannot write PDF " + pdf.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
