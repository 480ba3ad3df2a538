/*
 * TactusMat: a multiplexed FSR / Velostat pressure grid streaming Tactus wire protocol v1.
 *
 * Hardware (any Arduino-compatible board; tested shape: Uno / Nano, 16 MHz, 10-bit ADC):
 *   - ROWS row electrodes, driven one at a time through a 16-channel mux (e.g. CD74HC4067) whose common pin
 *     is held HIGH by ROW_DRIVE_PIN; address lines on ROW_ADDR_PINS. Unselected rows float.
 *   - COLS column electrodes, each with a pull-down resistor (~10 kOhm) to GND, read through a second
 *     16-channel analog mux into COL_ADC_PIN; address lines on COL_ADDR_PINS.
 *   - Pressure lowers the Velostat / FSR resistance between the selected row and a column, raising the voltage.
 * Orientation (PROTOCOL.md, "Cell order"): wire row 0 is the receiver's head end, column 0 the receiver's
 * LEFT side. If your mat is mounted the other way, set FLIP_ROWS / FLIP_COLS instead of rewiring.
 *
 * Library: copy firmware-protocol/c/tactus_proto.h and tactus_proto.c into this sketch folder (the Arduino IDE
 * compiles every .c file next to the .ino), or install them as a library. See firmware-protocol/README.md.
 */
#include "tactus_proto.h"

#include <stdio.h>

#ifndef ROWS
#define ROWS 16
#endif
#ifndef COLS
#define COLS 16
#endif
#define CELLS (ROWS * COLS)

#define BAUD 115200
#define PITCH_X_MM 20 /* column spacing */
#define PITCH_Y_MM 20 /* row spacing */
#define NOISE_FLOOR 8 /* counts at or below this read as 0, so an unloaded mat streams small sparse frames */
#define DEFAULT_RATE_HZ 20
#define FLIP_ROWS 0
#define FLIP_COLS 0

static const uint8_t ROW_ADDR_PINS[4] = {2, 3, 4, 5};
static const uint8_t ROW_DRIVE_PIN = 6;
static const uint8_t COL_ADDR_PINS[4] = {7, 8, 9, 10};
static const uint8_t COL_ADC_PIN = A0;

static tactus_encoder enc;
static uint16_t cells[CELLS];
static uint16_t rate_hz = DEFAULT_RATE_HZ;
static bool streaming = true;
static uint32_t last_frame_us;

/* Host -> device command receiver: commands are short, 32 bytes is plenty. */
static uint8_t rx[32];
static uint8_t rx_len;
static bool rx_overflow;

static void serial_write(void *ctx, const uint8_t *bytes, size_t len) {
    (void)ctx;
    Serial.write(bytes, len);
}

static void select_mux(const uint8_t *pins, uint8_t channel) {
    for (uint8_t b = 0; b < 4; b++) {
        digitalWrite(pins[b], (channel >> b) & 1 ? HIGH : LOW);
    }
}

static void send_hello() {
    char json[240];
    snprintf(json, sizeof json,
             "{\"protocol\":1,\"device\":\"TactusMat DIY\",\"serial\":\"%s\",\"firmware\":\"1.0.0\","
             "\"layout\":\"grid\",\"rows\":%d,\"cols\":%d,\"pitch_mm\":[%d,%d],\"adc_bits\":10,\"rate_hz\":%u}",
             "DIY-0001", ROWS, COLS, PITCH_X_MM, PITCH_Y_MM, (unsigned)rate_hz);
    tactus_send_hello(&enc, micros(), json);
}

/* Scans the grid into cells[]; returns the number of non-zero cells. */
static uint16_t scan() {
    uint16_t nonzero = 0;
    for (uint8_t r = 0; r < ROWS; r++) {
        select_mux(ROW_ADDR_PINS, r);
        delayMicroseconds(20); /* let the row settle: less ghosting from the previous row */
        uint8_t wire_row = FLIP_ROWS ? ROWS - 1 - r : r;
        for (uint8_t c = 0; c < COLS; c++) {
            select_mux(COL_ADDR_PINS, c);
            delayMicroseconds(5);
            int v = analogRead(COL_ADC_PIN);
            uint16_t count = v <= NOISE_FLOOR ? 0 : (uint16_t)v;
            uint8_t wire_col = FLIP_COLS ? COLS - 1 - c : c;
            cells[wire_row * COLS + wire_col] = count;
            nonzero += count != 0;
        }
    }
    return nonzero;
}

static void send_frame(uint16_t nonzero) {
    uint32_t t = micros();
    /* Sparse costs 2 + 4 bytes per non-zero cell, dense 2 bytes per cell: send whichever is smaller. */
    if (2ul + 4ul * nonzero < 2ul * CELLS) {
        tactus_send_frame_sparse(&enc, t, cells, CELLS);
    } else {
        tactus_send_frame_dense(&enc, t, cells, CELLS);
    }
}

static void handle_command(const tactus_packet *p) {
    switch (p->type) {
    case TACTUS_REQUEST_HELLO:
        send_hello();
        break;
    case TACTUS_START:
        streaming = true;
        break;
    case TACTUS_STOP:
        streaming = false;
        break;
    case TACTUS_SET_RATE:
        if (p->payload_len == 2) {
            uint16_t hz = (uint16_t)(p->payload[0] | p->payload[1] << 8);
            if (hz >= 1 && hz <= 200) {
                rate_hz = hz;
            } else {
                tactus_send_error(&enc, micros(), 1, "rate out of range 1..200");
            }
            send_hello(); /* the descriptor carries the rate actually used */
        }
        break;
    default:
        break; /* unknown commands are ignored */
    }
}

static void poll_commands() {
    while (Serial.available() > 0) {
        int b = Serial.read();
        if (b < 0) {
            return;
        }
        if (b != 0) {
            if (rx_len < sizeof rx) {
                rx[rx_len++] = (uint8_t)b;
            } else {
                rx_overflow = true;
            }
            continue;
        }
        if (rx_len > 0 && !rx_overflow) {
            static uint8_t decoded[sizeof rx];
            tactus_packet p;
            if (tactus_decode_block(rx, rx_len, decoded, sizeof decoded, &p) == TACTUS_OK) {
                handle_command(&p);
            }
        }
        rx_len = 0;
        rx_overflow = false;
    }
}

void setup() {
    for (uint8_t b = 0; b < 4; b++) {
        pinMode(ROW_ADDR_PINS[b], OUTPUT);
        pinMode(COL_ADDR_PINS[b], OUTPUT);
    }
    pinMode(ROW_DRIVE_PIN, OUTPUT);
    digitalWrite(ROW_DRIVE_PIN, HIGH);
    Serial.begin(BAUD);
    tactus_init(&enc, serial_write, NULL);
    send_hello();
    last_frame_us = micros();
}

void loop() {
    poll_commands();
    uint32_t now = micros();
    if (streaming && now - last_frame_us >= 1000000ul / rate_hz) {
        last_frame_us = now;
        send_frame(scan());
    }
}
