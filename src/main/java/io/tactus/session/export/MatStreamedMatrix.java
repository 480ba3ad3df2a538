package io.tactus.session.export;

import java.io.IOException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5Serializable;
import us.hebi.matlab.mat.format.Mat5Type;
import us.hebi.matlab.mat.format.Mat5WriteUtil;
import us.hebi.matlab.mat.types.AbstractArray;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Sink;

/**
 * A numeric MATLAB variable whose values are written by the caller straight to the sink, so the exporter never
 * holds it: {@link #writeHeader} emits the element tag, array header and data tag; the caller then writes exactly
 * {@link #getNumElements()} values in column-major order and calls {@link #writePadding}. Sizes are exact, so the
 * result is a plain uncompressed MAT v5 variable.
 */
final class MatStreamedMatrix extends AbstractArray implements Mat5Serializable, Mat5Serializable.Mat5Attributes {

    private final MatlabType type;
    private final Mat5Type dataType;

    MatStreamedMatrix(int[] dims, MatlabType type) {
        super(dims);
        if (type != MatlabType.Single && type != MatlabType.Double) {
            throw new IllegalArgumentException("single or double only");
        }
        this.type = type;
        this.dataType = type == MatlabType.Single ? Mat5Type.Single : Mat5Type.Double;
    }

    @Override
    public int getMat5Size(String name) {
        long elements = (long) getNumElements();
        long size = Mat5.MATRIX_TAG_SIZE + Mat5WriteUtil.computeArrayHeaderSize(name, this)
                + dataType.computeSerializedSize(Math.toIntExact(elements));
        return Math.toIntExact(size); // includes the element tag, as mfl expects
    }

    void writeHeader(String name, Sink sink) throws IOException {
        Mat5WriteUtil.writeMatrixTag(name, this, sink);
        Mat5WriteUtil.writeArrayHeader(name, false, this, sink);
        dataType.writeTag(getNumElements(), sink); // mfl takes element counts, not bytes
    }

    void writePadding(Sink sink) throws IOException {
        dataType.writePadding(getNumElements(), sink);
    }

    @Override
    public void writeMat5(String name, boolean isGlobal, Sink sink) {
        throw new UnsupportedOperationException("values are streamed by the exporter");
    }

    @Override
    public MatlabType getType() {
        return type;
    }

    @Override
    public boolean isLogical() {
        return false;
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public int getNzMax() {
        return 0;
    }

    @Override
    public void close() {
    }

    @Override
    protected int subHashCode() {
        return System.identityHashCode(this);
    }

    @Override
    protected boolean subEqualsGuaranteedSameClass(Object other) {
        return other == this;
    }
}
