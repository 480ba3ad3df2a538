/**
 * Sources of packets (serial port, simulator) and the frame assembler that turns packets into raw frames (a
 * recording is replayed by {@code session.ReplayEngine}, which feeds an assembler directly). Depends on protocol only.
 */
package io.tactus.device;
