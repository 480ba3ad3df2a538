/**
 * Serial devices through jSerialComm: port discovery ({@link io.tactus.device.serial.SerialPorts}), the
 * reader thread with unplug detection and reconnect ({@link io.tactus.device.serial.SerialPacketSource}),
 * and a paced packet writer that plays a device on a port ({@link io.tactus.device.serial.SerialDeviceEmulator}).
 */
package io.tactus.device.serial;
