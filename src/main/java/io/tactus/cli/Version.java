package io.tactus.cli;

import picocli.CommandLine;

/** Version from the jar manifest, "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tactus " + current()};
    }
}
