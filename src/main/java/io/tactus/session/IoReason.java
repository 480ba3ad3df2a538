package io.tactus.session;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns an I/O failure into the plain reason a user can act on ("permission denied", "read-only file system",
 * "no such directory /x", "disk full"). Java's file exceptions often carry only the path as their message
 * ({@code AccessDeniedException: /proc/x}), which printed alone says nothing. The one place every error line
 * about a file (recording, export, notes, CLI) gets its reason from.
 */
public final class IoReason {

    private IoReason() {
    }

    /** The reason, one line, lower case, without the path (the caller's sentence names the file). */
    public static String of(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof NoSuchFileException n) {
            Path parent = n.getFile() == null ? null : Path.of(n.getFile()).toAbsolutePath().getParent();
            return parent != null && !Files.isDirectory(parent) ? "no such directory " + parent
                    : "no such file or directory";
        }
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = text.indexOf('\n');
        text = nl < 0 ? text.strip() : text.substring(0, nl).strip();
        // The OS's own words (strerror) are recognised whole: a message of ours that quotes them stays as it is.
        switch (text.toLowerCase(Locale.ROOT)) {
            case "no space left on device":
                return "disk full (no space left on device)";
            case "disk quota exceeded":
                return "disk quota exceeded";
            case "read-only file system":
                return "read-only file system";
            case "permission denied":
            case "operation not permitted":
                return "permission denied";
            default:
                break;
        }
        // Another OS reason ("Input/output error") reads well in lower case; other messages are kept as they are.
        return e instanceof FileSystemException && text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && !Character.isUpperCase(text.charAt(1)) ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
                : text;
    }

    /**
     * A whole one-line message: a bare Java file exception becomes {@code "PATH: REASON"}; any other message is
     * kept (with a full disk named as such).
     */
    public static String message(Throwable e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + of(e);
        }
        return of(e);
    }

    /** {@code "ACTION PATH: REASON"}, e.g. "cannot create recording /proc/x.tactus: permission denied". */
    public static String describe(String action, Path file, Throwable e) {
        return action + " " + file + ": " + of(e);
    }
}
