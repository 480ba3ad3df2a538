/*
 * Tactus wire protocol v1: reference encoder in portable C99. See tactus_proto.h and PROTOCOL.md.
 */
#include "tactus_proto.h"

#include <string.h>

/* The POSE payload is IEEE-754 binary32; refuse to build where float is something else. */
typedef char tactus_float_must_be_32_bits[(sizeof(float) == 4) ? 1 : -1];

/* CRC-32 (reflected polynomial 0xEDB88320, as zlib), four bits at a time: a 64-byte table. */
static const uint32_t crc_nibble[16] = {
    0x00000000ul, 0x1DB71064ul, 0x3B6E20C8ul, 0x26D930ACul, 0x76DC4190ul, 0x6B6B51F4ul, 0x4DB26158ul, 0x5005713Cul,
    0xEDB88320ul, 0xF00F9344ul, 0xD6D6A3E8ul, 0xCB61B38Cul, 0x9B64C2B0ul, 0x86D3D2D4ul, 0xA00AE278ul, 0xBDBDF21Cul};

static uint32_t crc_byte(uint32_t c, uint8_t b) {
    c ^= b;
    c = crc_nibble[c & 0x0Fu] ^ (c >> 4);
    c = crc_nibble[c & 0x0Fu] ^ (c >> 4);
    return c;
}

uint32_t tactus_crc32_update(uint32_t crc, const uint8_t *data, size_t len) {
    uint32_t c = ~crc;
    size_t i;
    for (i = 0; i < len; i++) {
        c = crc_byte(c, data[i]);
    }
    return ~c;
}

/* Writes the current COBS block (code byte + data) and starts an empty one. */
static void flush_block(tactus_encoder *e) {
    e->block[0] = (uint8_t)(e->fill + 1u);
    e->write(e->ctx, e->block, (size_t)e->fill + 1u);
    e->fill = 0;
}

/* COBS-encodes one byte of the decoded packet (header, payload or CRC). */
static void cobs_byte(tactus_encoder *e, uint8_t b) {
    if (b == 0) {
        flush_block(e);
        return;
    }
    e->block[++e->fill] = b;
    if (e->fill == 254u) {
        flush_block(e); /* code 0xFF: 254 data bytes, no implied zero */
    }
}

static void emit(tactus_encoder *e, uint8_t b) {
    e->crc = crc_byte(e->crc, b);
    cobs_byte(e, b);
}

void tactus_init(tactus_encoder *e, tactus_write_fn write, void *ctx) {
    memset(e, 0, sizeof *e);
    e->write = write;
    e->ctx = ctx;
}

void tactus_set_next_seq(tactus_encoder *e, uint16_t seq) {
    e->next_seq = seq;
}

int tactus_begin(tactus_encoder *e, uint8_t type, uint16_t seq, uint32_t device_time_us) {
    if (e == NULL || e->write == NULL) {
        return TACTUS_ERR_ARG;
    }
    if (e->active) {
        return TACTUS_ERR_STATE;
    }
    e->active = 1;
    e->failed = 0;
    e->fill = 0;
    e->payload = 0;
    e->crc = 0xFFFFFFFFul;
    emit(e, (uint8_t)TACTUS_PROTOCOL_VERSION);
    emit(e, type);
    emit(e, (uint8_t)(seq & 0xFFu));
    emit(e, (uint8_t)(seq >> 8));
    emit(e, (uint8_t)(device_time_us & 0xFFu));
    emit(e, (uint8_t)((device_time_us >> 8) & 0xFFu));
    emit(e, (uint8_t)((device_time_us >> 16) & 0xFFu));
    emit(e, (uint8_t)((device_time_us >> 24) & 0xFFu));
    return TACTUS_OK;
}

/* Abandons the current packet: a delimiter now makes the receiver drop what it has as one corrupt packet. */
static int abandon(tactus_encoder *e, int why) {
    static const uint8_t zero = 0;
    e->write(e->ctx, &zero, 1);
    e->failed = (uint8_t)-why;
    return why;
}

int tactus_put(tactus_encoder *e, const uint8_t *bytes, size_t len) {
    size_t i;
    if (e == NULL) {
        return TACTUS_ERR_ARG;
    }
    if (!e->active) {
        return TACTUS_ERR_STATE;
    }
    if (e->failed) {
        return -(int)e->failed;
    }
    if (bytes == NULL && len > 0) {
        return abandon(e, TACTUS_ERR_ARG);
    }
    if (len > TACTUS_MAX_PAYLOAD - e->payload) {
        return abandon(e, TACTUS_ERR_TOO_LONG);
    }
    e->payload += (uint32_t)len;
    for (i = 0; i < len; i++) {
        emit(e, bytes[i]);
    }
    return TACTUS_OK;
}

int tactus_put_u8(tactus_encoder *e, uint8_t v) {
    return tactus_put(e, &v, 1);
}

int tactus_put_u16(tactus_encoder *e, uint16_t v) {
    uint8_t b[2];
    b[0] = (uint8_t)(v & 0xFFu);
    b[1] = (uint8_t)(v >> 8);
    return tactus_put(e, b, 2);
}

int tactus_put_u32(tactus_encoder *e, uint32_t v) {
    uint8_t b[4];
    b[0] = (uint8_t)(v & 0xFFu);
    b[1] = (uint8_t)((v >> 8) & 0xFFu);
    b[2] = (uint8_t)((v >> 16) & 0xFFu);
    b[3] = (uint8_t)((v >> 24) & 0xFFu);
    return tactus_put(e, b, 4);
}

int tactus_put_f32(tactus_encoder *e, float v) {
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return tactus_put_u32(e, bits);
}

int tactus_end(tactus_encoder *e) {
    static const uint8_t delimiter = 0;
    uint32_t crc;
    if (e == NULL) {
        return TACTUS_ERR_ARG;
    }
    if (!e->active) {
        return TACTUS_ERR_STATE;
    }
    e->active = 0;
    if (e->failed) {
        int why = -(int)e->failed;
        e->failed = 0;
        return why;
    }
    crc = ~e->crc;
    cobs_byte(e, (uint8_t)(crc & 0xFFu));
    cobs_byte(e, (uint8_t)((crc >> 8) & 0xFFu));
    cobs_byte(e, (uint8_t)((crc >> 16) & 0xFFu));
    cobs_byte(e, (uint8_t)((crc >> 24) & 0xFFu));
    flush_block(e);
    e->write(e->ctx, &delimiter, 1);
    return TACTUS_OK;
}

int tactus_send(tactus_encoder *e, uint8_t type, uint16_t seq, uint32_t device_time_us, const uint8_t *payload,
                size_t len) {
    int rc;
    if (len > TACTUS_MAX_PAYLOAD) {
        return TACTUS_ERR_TOO_LONG;
    }
    if (payload == NULL && len > 0) {
        return TACTUS_ERR_ARG;
    }
    rc = tactus_begin(e, type, seq, device_time_us);
    if (rc != TACTUS_OK) {
        return rc;
    }
    rc = tactus_put(e, payload, len);
    if (rc != TACTUS_OK) {
        (void)tactus_end(e);
        return rc;
    }
    return tactus_end(e);
}

static uint16_t take_seq(tactus_encoder *e) {
    uint16_t s = e->next_seq;
    e->next_seq = (uint16_t)(s + 1u);
    return s;
}

static size_t text_len(const char *text) {
    return text == NULL ? 0 : strlen(text);
}

int tactus_send_hello(tactus_encoder *e, uint32_t device_time_us, const char *json) {
    return tactus_send(e, TACTUS_HELLO, take_seq(e), device_time_us, (const uint8_t *)json, text_len(json));
}

int tactus_send_frame_dense(tactus_encoder *e, uint32_t device_time_us, const uint16_t *cells, uint16_t n_cells) {
    int rc;
    uint16_t i;
    if (cells == NULL && n_cells > 0) {
        return TACTUS_ERR_ARG;
    }
    if (2ul * n_cells > TACTUS_MAX_PAYLOAD) {
        return TACTUS_ERR_TOO_LONG;
    }
    rc = tactus_begin(e, TACTUS_FRAME_DENSE, take_seq(e), device_time_us);
    if (rc != TACTUS_OK) {
        return rc;
    }
    for (i = 0; rc == TACTUS_OK && i < n_cells; i++) {
        rc = tactus_put_u16(e, cells[i]);
    }
    return rc == TACTUS_OK ? tactus_end(e) : (tactus_end(e), rc);
}

int tactus_send_frame_sparse(tactus_encoder *e, uint32_t device_time_us, const uint16_t *cells, uint16_t n_cells) {
    int rc;
    uint16_t i;
    uint32_t n = 0;
    if (cells == NULL && n_cells > 0) {
        return TACTUS_ERR_ARG;
    }
    for (i = 0; i < n_cells; i++) {
        n += cells[i] != 0;
    }
    if (2ul + 4ul * n > TACTUS_MAX_PAYLOAD) {
        return TACTUS_ERR_TOO_LONG;
    }
    rc = tactus_begin(e, TACTUS_FRAME_SPARSE, take_seq(e), device_time_us);
    if (rc != TACTUS_OK) {
        return rc;
    }
    rc = tactus_put_u16(e, (uint16_t)n);
    for (i = 0; rc == TACTUS_OK && i < n_cells; i++) {
        if (cells[i] != 0) {
            rc = tactus_put_u16(e, i);
            if (rc == TACTUS_OK) {
                rc = tactus_put_u16(e, cells[i]);
            }
        }
    }
    return rc == TACTUS_OK ? tactus_end(e) : (tactus_end(e), rc);
}

int tactus_send_frame_pairs(tactus_encoder *e, uint32_t device_time_us, const uint16_t *index, const uint16_t *count,
                            uint16_t n) {
    int rc;
    uint16_t k;
    if ((index == NULL || count == NULL) && n > 0) {
        return TACTUS_ERR_ARG;
    }
    if (2ul + 4ul * n > TACTUS_MAX_PAYLOAD) {
        return TACTUS_ERR_TOO_LONG;
    }
    rc = tactus_begin(e, TACTUS_FRAME_SPARSE, take_seq(e), device_time_us);
    if (rc != TACTUS_OK) {
        return rc;
    }
    rc = tactus_put_u16(e, n);
    for (k = 0; rc == TACTUS_OK && k < n; k++) {
        rc = tactus_put_u16(e, index[k]);
        if (rc == TACTUS_OK) {
            rc = tactus_put_u16(e, count[k]);
        }
    }
    return rc == TACTUS_OK ? tactus_end(e) : (tactus_end(e), rc);
}

/* A packet whose payload is a short binary prefix followed by text. */
static int send_prefixed_text(tactus_encoder *e, uint8_t type, uint32_t t, const uint8_t *prefix, size_t prefix_len,
                              const char *text) {
    int rc;
    size_t n = text_len(text);
    if (prefix_len + n > TACTUS_MAX_PAYLOAD) {
        return TACTUS_ERR_TOO_LONG;
    }
    rc = tactus_begin(e, type, take_seq(e), t);
    if (rc != TACTUS_OK) {
        return rc;
    }
    rc = tactus_put(e, prefix, prefix_len);
    if (rc == TACTUS_OK) {
        rc = tactus_put(e, (const uint8_t *)text, n);
    }
    return rc == TACTUS_OK ? tactus_end(e) : (tactus_end(e), rc);
}

int tactus_send_marker(tactus_encoder *e, uint32_t device_time_us, uint8_t code, const char *text) {
    return send_prefixed_text(e, TACTUS_MARKER, device_time_us, &code, 1, text);
}

int tactus_send_pose(tactus_encoder *e, uint32_t device_time_us, float x_mm, float y_mm) {
    int rc = tactus_begin(e, TACTUS_POSE, take_seq(e), device_time_us);
    if (rc != TACTUS_OK) {
        return rc;
    }
    rc = tactus_put_f32(e, x_mm);
    if (rc == TACTUS_OK) {
        rc = tactus_put_f32(e, y_mm);
    }
    return rc == TACTUS_OK ? tactus_end(e) : (tactus_end(e), rc);
}

int tactus_send_log(tactus_encoder *e, uint32_t device_time_us, const char *text) {
    return send_prefixed_text(e, TACTUS_LOG, device_time_us, NULL, 0, text);
}

int tactus_send_error(tactus_encoder *e, uint32_t device_time_us, uint16_t code, const char *text) {
    uint8_t b[2];
    b[0] = (uint8_t)(code & 0xFFu);
    b[1] = (uint8_t)(code >> 8);
    return send_prefixed_text(e, TACTUS_ERROR, device_time_us, b, 2, text);
}

int tactus_send_request_hello(tactus_encoder *e, uint32_t device_time_us) {
    return tactus_send(e, TACTUS_REQUEST_HELLO, take_seq(e), device_time_us, NULL, 0);
}

int tactus_send_start(tactus_encoder *e, uint32_t device_time_us) {
    return tactus_send(e, TACTUS_START, take_seq(e), device_time_us, NULL, 0);
}

int tactus_send_stop(tactus_encoder *e, uint32_t device_time_us) {
    return tactus_send(e, TACTUS_STOP, take_seq(e), device_time_us, NULL, 0);
}

int tactus_send_set_rate(tactus_encoder *e, uint32_t device_time_us, uint16_t hz) {
    uint8_t b[2];
    b[0] = (uint8_t)(hz & 0xFFu);
    b[1] = (uint8_t)(hz >> 8);
    return tactus_send(e, TACTUS_SET_RATE, take_seq(e), device_time_us, b, 2);
}

int tactus_decode_block(const uint8_t *block, size_t len, uint8_t *out, size_t cap, tactus_packet *pkt) {
    size_t in = 0, n = 0, k;
    uint32_t crc;
    if (block == NULL || out == NULL || pkt == NULL) {
        return TACTUS_ERR_ARG;
    }
    while (in < len) {
        uint8_t code = block[in++];
        if (code == 0 || (size_t)(code - 1u) > len - in) {
            return TACTUS_ERR_COBS;
        }
        for (k = 1; k < code; k++) {
            if (block[in] == 0) {
                return TACTUS_ERR_COBS;
            }
            if (n == cap) {
                return TACTUS_ERR_TOO_LONG;
            }
            out[n++] = block[in++];
        }
        if (code != 0xFFu && in < len) {
            if (n == cap) {
                return TACTUS_ERR_TOO_LONG;
            }
            out[n++] = 0;
        }
    }
    if (n < TACTUS_HEADER_BYTES + TACTUS_CRC_BYTES) {
        return TACTUS_ERR_SHORT;
    }
    crc = (uint32_t)out[n - 4] | (uint32_t)out[n - 3] << 8 | (uint32_t)out[n - 2] << 16 | (uint32_t)out[n - 1] << 24;
    if (tactus_crc32_update(0, out, n - TACTUS_CRC_BYTES) != crc) {
        return TACTUS_ERR_CRC;
    }
    if (out[0] != TACTUS_PROTOCOL_VERSION) {
        return TACTUS_ERR_VERSION;
    }
    pkt->type = out[1];
    pkt->seq = (uint16_t)(out[2] | out[3] << 8);
    pkt->device_time_us = (uint32_t)out[4] | (uint32_t)out[5] << 8 | (uint32_t)out[6] << 16 | (uint32_t)out[7] << 24;
    pkt->payload = out + TACTUS_HEADER_BYTES;
    pkt->payload_len = n - TACTUS_HEADER_BYTES - TACTUS_CRC_BYTES;
    return TACTUS_OK;
}

size_t tactus_max_wire_len(size_t len) {
    size_t raw = TACTUS_HEADER_BYTES + len + TACTUS_CRC_BYTES;
    return raw + raw / 254u + 1u + 1u;
}

struct buffer_sink {
    uint8_t *out;
    size_t cap;
    size_t n;
    int overflow;
};

static void buffer_write(void *ctx, const uint8_t *bytes, size_t len) {
    struct buffer_sink *s = (struct buffer_sink *)ctx;
    if (s->overflow || len > s->cap - s->n) {
        s->overflow = 1;
        return;
    }
    memcpy(s->out + s->n, bytes, len);
    s->n += len;
}

size_t tactus_encode_to_buffer(uint8_t *out, size_t cap, uint8_t type, uint16_t seq, uint32_t device_time_us,
                               const uint8_t *payload, size_t len) {
    tactus_encoder e;
    struct buffer_sink s;
    if (out == NULL) {
        return 0;
    }
    s.out = out;
    s.cap = cap;
    s.n = 0;
    s.overflow = 0;
    tactus_init(&e, buffer_write, &s);
    if (tactus_send(&e, type, seq, device_time_us, payload, len) != TACTUS_OK || s.overflow) {
        return 0;
    }
    return s.n;
}
