package io.tactus.app.fx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Loads a value for the most recent request only: while one load runs, newer requests replace each other and
 * only the last is loaded next. Dragging a seek bar therefore refreshes as fast as frames can be decoded and
 * always settles on exactly where the user let go. Results are delivered on the FX executor.
 */
public final class LatestWinsLoader<K, V> {

    /** A load that may block. */
    @FunctionalInterface
    public interface Loader<K, V> {
        V load(K key) throws Exception;
    }

    private final Threads threads;
    private final Loader<K, V> loader;
    private final Consumer<V> onLoaded;
    private final Consumer<String> onError;
    private final AtomicReference<K> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public LatestWinsLoader(Threads threads, Loader<K, V> loader, Consumer<V> onLoaded, Consumer<String> onError) {
        this.threads = threads;
        this.loader = loader;
        this.onLoaded = onLoaded;
        this.onError = onError;
    }

    public void request(K key) {
        pending.set(key);
        if (running.compareAndSet(false, true)) {
            threads.background().execute(this::drain);
        }
    }

    private void drain() {
        try {
            K key;
            while ((key = pending.getAndSet(null)) != null) {
                try {
                    V v = loader.load(key);
                    threads.fx().execute(() -> onLoaded.accept(v));
                } catch (Exception e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    threads.fx().execute(() -> onError.accept(why));
                }
            }
        } finally {
            running.set(false);
            if (pending.get() != null && running.compareAndSet(false, true)) {
                threads.background().execute(this::drain);
            }
        }
    }
}
