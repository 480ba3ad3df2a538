package io.tactus.cli;

import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.util.Iterator;

/** The ids --profile accepts, from the profile registry itself, for --help and shell completion. */
final class ProfileIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Profiles.builtIn().stream().map(Profile::id).iterator();
    }
}
