package io.tactus.session.export;

/** Version of this build, from the jar manifest ("dev" when run from classes). */
public final class AppVersion {

    private AppVersion() {
    }

    public static String get() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }
}
