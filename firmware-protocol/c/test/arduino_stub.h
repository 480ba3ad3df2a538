/* Just enough of the Arduino API to compile TactusMat.ino on a host (syntax and type check in the tests). */
#ifndef ARDUINO_STUB_H
#define ARDUINO_STUB_H
#include <stddef.h>
#include <stdint.h>

#define HIGH 1
#define LOW 0
#define INPUT 0
#define OUTPUT 1
#define A0 14

struct StubSerial {
    void begin(unsigned long) {}
    size_t write(const uint8_t *, size_t n) { return n; }
    int available() { return 0; }
    int read() { return -1; }
};
static StubSerial Serial;

inline void pinMode(uint8_t, uint8_t) {}
inline void digitalWrite(uint8_t, uint8_t) {}
inline int analogRead(uint8_t) { return 0; }
inline unsigned long micros() { return 0; }
inline void delayMicroseconds(unsigned int) {}

void setup();
void loop();
#endif
