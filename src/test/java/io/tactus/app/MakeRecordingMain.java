package io.tactus.app;

import java.nio.file.Path;

/** Writes a simulator recording for the screenshot script when no sample recording is there. */
public final class MakeRecordingMain {

    private MakeRecordingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path p = TestRecordings.make(Path.of(args[0]), args.length > 1 ? args[1] : "mistakes",
                args.length > 2 ? Double.parseDouble(args[2]) : 60);
        System.out.println("wrote " + p);
    }
}
