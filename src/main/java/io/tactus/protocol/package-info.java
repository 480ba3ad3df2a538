/**
 * Wire protocol v1: COBS framing, CRC-32, packet types, payloads, the HELLO descriptor, the DIY ASCII line format. Depends on nothing else in Tactus.
 */
package io.tactus.protocol;
