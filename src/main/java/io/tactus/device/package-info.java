/**
 * Sources of packets (serial port, simulator, recording replay) and the frame assembler that turns packets into raw frames. Depends on protocol only.
 */
package io.tactus.device;
