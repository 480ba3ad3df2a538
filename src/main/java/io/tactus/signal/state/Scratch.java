package io.tactus.signal.state;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a {@link Checkpointable} stage that is working memory for one frame: rewritten before it is read in
 * every frame (or only read where this frame wrote it), so it is not part of a checkpoint. The field-by-field
 * restore test skips exactly these fields; anything else a stage holds must be captured.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Scratch {
}
