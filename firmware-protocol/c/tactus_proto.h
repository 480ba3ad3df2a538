/*
 * Tactus wire protocol v1: reference encoder in portable C99.
 *
 * No malloc, no stdio, no global state. Packets are written through a callback as they are encoded
 * (streaming COBS), so a microcontroller never needs a buffer for a whole frame: the encoder holds one
 * COBS block (at most 254 data bytes) plus a few counters, about 270 bytes of RAM.
 *
 * Normative spec: firmware-protocol/PROTOCOL.md. Usage: firmware-protocol/README.md.
 */
#ifndef TACTUS_PROTO_H
#define TACTUS_PROTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TACTUS_PROTOCOL_VERSION 1u
#define TACTUS_HEADER_BYTES 8u
#define TACTUS_CRC_BYTES 4u
#define TACTUS_MAX_PAYLOAD 65536ul

/* Packet types. Device -> host below 0x80, host -> device from 0x81. */
enum tactus_type {
    TACTUS_HELLO = 0x01,
    TACTUS_FRAME_DENSE = 0x02,
    TACTUS_FRAME_SPARSE = 0x03,
    TACTUS_MARKER = 0x04,
    TACTUS_POSE = 0x05,
    TACTUS_LOG = 0x7E,
    TACTUS_ERROR = 0x7F,
    TACTUS_REQUEST_HELLO = 0x81,
    TACTUS_START = 0x82,
    TACTUS_STOP = 0x83,
    TACTUS_SET_RATE = 0x84
};

/* MARKER codes. */
enum tactus_marker {
    TACTUS_MARKER_TOO_MUCH = 1,
    TACTUS_MARKER_MORE = 2,
    TACTUS_MARKER_BUTTON = 3
};

/* Return codes. */
#define TACTUS_OK 0
#define TACTUS_ERR_STATE (-1)    /* begin without end, put/end without begin */
#define TACTUS_ERR_TOO_LONG (-2) /* payload would exceed 65,536 bytes; the packet is abandoned */
#define TACTUS_ERR_ARG (-3)      /* NULL pointer or bad length */

/* Receives encoded bytes (never containing 0x00 except the final delimiter of each packet). */
typedef void (*tactus_write_fn)(void *ctx, const uint8_t *bytes, size_t len);

/* Encoder state. Treat as opaque; allocate it statically or on the stack. */
typedef struct tactus_encoder {
    tactus_write_fn write;
    void *ctx;
    uint8_t block[255]; /* block[0] is the COBS code byte, block[1..254] the data of the current block */
    uint8_t fill;       /* data bytes in block: 0..254 */
    uint8_t active;     /* 1 between begin and end */
    uint8_t failed;     /* minus the error code when the current packet was abandoned, else 0 */
    uint32_t crc;       /* running CRC-32 (pre-inverted) */
    uint32_t payload;   /* payload bytes so far */
    uint16_t next_seq;  /* sequence number of the next packet sent with the typed functions */
} tactus_encoder;

/* Sets up an encoder writing to write(ctx, ...). The first packet gets sequence number 0. */
void tactus_init(tactus_encoder *e, tactus_write_fn write, void *ctx);

/* Sets the sequence number the next typed send uses (seq wraps 65535 -> 0). */
void tactus_set_next_seq(tactus_encoder *e, uint16_t seq);

/*
 * Streaming API: begin a packet, put payload bytes in any number of calls, end it.
 * begin and put write bytes through the callback as soon as a COBS block is complete.
 * If a put would exceed TACTUS_MAX_PAYLOAD the packet is abandoned: a 0x00 is written at once so the
 * receiver drops the partial packet as corrupt, and TACTUS_ERR_TOO_LONG is returned (also by end).
 * A NULL pointer with len > 0 abandons the packet the same way (TACTUS_ERR_ARG).
 */
int tactus_begin(tactus_encoder *e, uint8_t type, uint16_t seq, uint32_t device_time_us);
int tactus_put(tactus_encoder *e, const uint8_t *bytes, size_t len);
int tactus_put_u8(tactus_encoder *e, uint8_t v);
int tactus_put_u16(tactus_encoder *e, uint16_t v); /* little-endian */
int tactus_put_u32(tactus_encoder *e, uint32_t v); /* little-endian */
int tactus_put_f32(tactus_encoder *e, float v);    /* IEEE-754 binary32, little-endian */
int tactus_end(tactus_encoder *e);                  /* writes CRC-32 and the 0x00 delimiter */

/* One whole packet with an explicit sequence number (does not touch next_seq). */
int tactus_send(tactus_encoder *e, uint8_t type, uint16_t seq, uint32_t device_time_us,
                const uint8_t *payload, size_t len);

/* Typed packets: each uses and advances next_seq. Text arguments are NUL-terminated UTF-8 (may be NULL = empty). */
int tactus_send_hello(tactus_encoder *e, uint32_t device_time_us, const char *json);
int tactus_send_frame_dense(tactus_encoder *e, uint32_t device_time_us, const uint16_t *cells, uint16_t n_cells);
/* Lists the non-zero cells of cells[0..n_cells) in ascending index order. */
int tactus_send_frame_sparse(tactus_encoder *e, uint32_t device_time_us, const uint16_t *cells, uint16_t n_cells);
/* Sparse frame from ready-made pairs (index[k], count[k]), k < n; for firmware that tracks active cells itself. */
int tactus_send_frame_pairs(tactus_encoder *e, uint32_t device_time_us, const uint16_t *index, const uint16_t *count,
                            uint16_t n);
int tactus_send_marker(tactus_encoder *e, uint32_t device_time_us, uint8_t code, const char *text);
int tactus_send_pose(tactus_encoder *e, uint32_t device_time_us, float x_mm, float y_mm);
int tactus_send_log(tactus_encoder *e, uint32_t device_time_us, const char *text);
int tactus_send_error(tactus_encoder *e, uint32_t device_time_us, uint16_t code, const char *text);
/* Host -> device. */
int tactus_send_request_hello(tactus_encoder *e, uint32_t device_time_us);
int tactus_send_start(tactus_encoder *e, uint32_t device_time_us);
int tactus_send_stop(tactus_encoder *e, uint32_t device_time_us);
int tactus_send_set_rate(tactus_encoder *e, uint32_t device_time_us, uint16_t hz);

/*
 * Whole packet into a caller buffer (for hosts and tests). Returns the number of wire bytes written,
 * delimiter included, or 0 if cap is too small (see tactus_max_wire_len) or the payload is too long.
 */
size_t tactus_encode_to_buffer(uint8_t *out, size_t cap, uint8_t type, uint16_t seq, uint32_t device_time_us,
                               const uint8_t *payload, size_t len);

/* Worst-case wire size of a packet with a payload of len bytes, delimiter included. */
size_t tactus_max_wire_len(size_t len);

/*
 * Minimal receive side, for commands from the host (short packets). Decodes one COBS block (the bytes between
 * two 0x00 delimiters, delimiters excluded) into out[0..cap) and checks length, version and CRC.
 * On success fills *pkt (payload points into out) and returns TACTUS_OK; otherwise a negative value:
 * TACTUS_ERR_COBS, TACTUS_ERR_SHORT, TACTUS_ERR_CRC, TACTUS_ERR_VERSION, or TACTUS_ERR_TOO_LONG if cap is too small.
 */
#define TACTUS_ERR_COBS (-4)
#define TACTUS_ERR_SHORT (-5)
#define TACTUS_ERR_CRC (-6)
#define TACTUS_ERR_VERSION (-7)

typedef struct tactus_packet {
    uint8_t type;
    uint16_t seq;
    uint32_t device_time_us;
    const uint8_t *payload;
    size_t payload_len;
} tactus_packet;

int tactus_decode_block(const uint8_t *block, size_t len, uint8_t *out, size_t cap, tactus_packet *pkt);

/* CRC-32 as in zlib / java.util.zip.CRC32: start with crc = 0, feed data, the result is the checksum. */
uint32_t tactus_crc32_update(uint32_t crc, const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* TACTUS_PROTO_H */
