/*
 * Checks the C reference encoder against the shared test vectors: every vector through the buffer API, the
 * streaming API in small pieces, and the typed send function for its packet type must give exactly the
 * expected wire bytes. Host-only test program (uses stdio and large static buffers; the encoder does not).
 *
 *   gcc -std=c99 -Wall -Wextra -Werror -pedantic -o test_vectors tactus_proto.c test_vectors.c
 *   ./test_vectors ../test-vectors/vectors.txt
 */
#include "tactus_proto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE (4u * 70000u)
#define MAX_WIRE (70000u)

static char line[MAX_LINE];
static uint8_t payload[TACTUS_MAX_PAYLOAD + 16];
static uint8_t expected[MAX_WIRE];
static uint8_t got[MAX_WIRE];
static size_t got_len;
static int got_overflow;
static uint16_t cells[32768];
static char text[TACTUS_MAX_PAYLOAD + 1];
static int failures;

static void capture(void *ctx, const uint8_t *bytes, size_t len) {
    (void)ctx;
    if (len > sizeof got - got_len) {
        got_overflow = 1;
        return;
    }
    memcpy(got + got_len, bytes, len);
    got_len += len;
}

static void reset_capture(void) {
    got_len = 0;
    got_overflow = 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Parses hex into out; returns the byte count or -1. */
static long parse_hex(const char *s, uint8_t *out, size_t cap) {
    size_t n = strlen(s), i;
    if (n % 2 != 0 || n / 2 > cap) return -1;
    for (i = 0; i < n / 2; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0) return -1;
        out[i] = (uint8_t)(hi * 16 + lo);
    }
    return (long)(n / 2);
}

/* Compares the captured bytes with the expectation (full bytes, or a length + CRC-32 digest). */
static void check(const char *name, const char *how, int rc, int digest, size_t exp_len, uint32_t exp_crc) {
    if (rc != TACTUS_OK || got_overflow) {
        printf("FAIL %s (%s): rc=%d overflow=%d\n", name, how, rc, got_overflow);
        failures++;
        return;
    }
    if (digest) {
        uint32_t crc = tactus_crc32_update(0, got, got_len);
        if (got_len != exp_len || crc != exp_crc) {
            printf("FAIL %s (%s): %lu bytes crc %08lx, expected %lu bytes crc %08lx\n", name, how,
                   (unsigned long)got_len, (unsigned long)crc, (unsigned long)exp_len, (unsigned long)exp_crc);
            failures++;
        }
        return;
    }
    if (got_len != exp_len || memcmp(got, expected, exp_len) != 0) {
        size_t i = 0;
        while (i < got_len && i < exp_len && got[i] == expected[i]) i++;
        printf("FAIL %s (%s): %lu bytes, expected %lu; first difference at byte %lu\n", name, how,
               (unsigned long)got_len, (unsigned long)exp_len, (unsigned long)i);
        failures++;
    }
}

static uint16_t u16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}

static float f32(const uint8_t *p) {
    uint32_t bits = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static const char *as_text(const uint8_t *p, size_t n) {
    memcpy(text, p, n);
    text[n] = '\0';
    return text;
}

/* Encodes the vector with the typed function for its type; returns -100 when none applies. */
static int send_typed(tactus_encoder *e, int type, uint32_t t, const uint8_t *p, size_t n) {
    size_t k;
    switch (type) {
    case TACTUS_HELLO:
        return memchr(p, 0, n) ? -100 : tactus_send_hello(e, t, as_text(p, n));
    case TACTUS_FRAME_DENSE:
        if (n % 2 != 0 || n / 2 > 32768u || n / 2 > 65535u) return -100;
        for (k = 0; k < n / 2; k++) cells[k] = u16(p + 2 * k);
        return tactus_send_frame_dense(e, t, cells, (uint16_t)(n / 2));
    case TACTUS_FRAME_SPARSE: {
        /* Rebuild a cell array from ascending, non-zero pairs; the typed function must list the same pairs. */
        uint16_t count = u16(p), max = 0;
        for (k = 0; k < count; k++) {
            uint16_t idx = u16(p + 2 + 4 * k);
            if (u16(p + 4 + 4 * k) == 0 || (k > 0 && idx <= u16(p + 2 + 4 * (k - 1)))) return -100;
            max = idx;
        }
        memset(cells, 0, sizeof cells);
        for (k = 0; k < count; k++) cells[u16(p + 2 + 4 * k)] = u16(p + 4 + 4 * k);
        return tactus_send_frame_sparse(e, t, cells, count == 0 ? 1024 : (uint16_t)(max + 1u));
    }
    case TACTUS_MARKER:
        return memchr(p + 1, 0, n - 1) ? -100 : tactus_send_marker(e, t, p[0], n > 1 ? as_text(p + 1, n - 1) : NULL);
    case TACTUS_POSE:
        return n != 8 ? -100 : tactus_send_pose(e, t, f32(p), f32(p + 4));
    case TACTUS_LOG:
        return memchr(p, 0, n) ? -100 : tactus_send_log(e, t, as_text(p, n));
    case TACTUS_ERROR:
        return memchr(p + 2, 0, n - 2) ? -100 : tactus_send_error(e, t, u16(p), as_text(p + 2, n - 2));
    case TACTUS_REQUEST_HELLO:
        return tactus_send_request_hello(e, t);
    case TACTUS_START:
        return tactus_send_start(e, t);
    case TACTUS_STOP:
        return tactus_send_stop(e, t);
    case TACTUS_SET_RATE:
        return n != 2 ? -100 : tactus_send_set_rate(e, t, u16(p));
    default:
        return -100;
    }
}

static void run_vector(char *name, int type, unsigned long seq, unsigned long t, const char *pay, const char *wire) {
    long n;
    size_t exp_len = 0, k, pos;
    uint32_t exp_crc = 0;
    int digest = 0, rc;
    tactus_encoder e;

    if (strcmp(pay, "-") == 0) {
        n = 0;
    } else if (strncmp(pay, "ramp:", 5) == 0) {
        n = atol(pay + 5);
        if (n < 0 || n > (long)TACTUS_MAX_PAYLOAD) { printf("FAIL %s: bad ramp\n", name); failures++; return; }
        for (k = 0; k < (size_t)n; k++) payload[k] = (uint8_t)k;
    } else {
        n = parse_hex(pay, payload, sizeof payload);
        if (n < 0) { printf("FAIL %s: bad payload hex\n", name); failures++; return; }
    }
    if (strncmp(wire, "digest:", 7) == 0) {
        digest = 1;
        exp_len = strtoul(wire + 7, NULL, 10);
        exp_crc = (uint32_t)strtoul(strchr(wire + 7, ':') + 1, NULL, 16);
    } else {
        long w = parse_hex(wire, expected, sizeof expected);
        if (w < 0) { printf("FAIL %s: bad wire hex\n", name); failures++; return; }
        exp_len = (size_t)w;
    }

    /* 1. whole packet into a caller buffer */
    got_len = tactus_encode_to_buffer(got, sizeof got, (uint8_t)type, (uint16_t)seq, (uint32_t)t, payload, (size_t)n);
    got_overflow = got_len == 0;
    check(name, "buffer", TACTUS_OK, digest, exp_len, exp_crc);
    if (tactus_max_wire_len((size_t)n) < exp_len) {
        printf("FAIL %s: tactus_max_wire_len too small\n", name);
        failures++;
    }

    /* 2. streaming, payload in pieces of 1..7 bytes */
    reset_capture();
    tactus_init(&e, capture, NULL);
    rc = tactus_begin(&e, (uint8_t)type, (uint16_t)seq, (uint32_t)t);
    for (pos = 0, k = 1; rc == TACTUS_OK && pos < (size_t)n; pos += k, k = k % 7 + 1) {
        size_t piece = (size_t)n - pos < k ? (size_t)n - pos : k;
        rc = tactus_put(&e, payload + pos, piece);
    }
    if (rc == TACTUS_OK) rc = tactus_end(&e);
    check(name, "streaming", rc, digest, exp_len, exp_crc);

    /* 3. the C decoder gets the fields back (not for digest vectors: their wire bytes are not in the file) */
    if (!digest) {
        static uint8_t decoded[TACTUS_MAX_PAYLOAD + 16];
        tactus_packet pkt;
        rc = tactus_decode_block(expected, exp_len - 1, decoded, sizeof decoded, &pkt);
        if (rc != TACTUS_OK || pkt.type != type || pkt.seq != (uint16_t)seq || pkt.device_time_us != (uint32_t)t
            || pkt.payload_len != (size_t)n || memcmp(pkt.payload, payload, (size_t)n) != 0) {
            printf("FAIL %s (C decode): rc=%d\n", name, rc);
            failures++;
        }
    }

    /* 4. the typed function for this packet type */
    reset_capture();
    tactus_init(&e, capture, NULL);
    tactus_set_next_seq(&e, (uint16_t)seq);
    rc = send_typed(&e, type, (uint32_t)t, payload, (size_t)n);
    if (rc != -100) {
        check(name, "typed", rc, digest, exp_len, exp_crc);
        if (e.next_seq != (uint16_t)(seq + 1u)) {
            printf("FAIL %s: typed send did not advance next_seq\n", name);
            failures++;
        }
    }
}

static void expect(int cond, const char *what) {
    if (!cond) {
        printf("FAIL %s\n", what);
        failures++;
    }
}

static void unit_checks(void) {
    tactus_encoder e;
    uint8_t small[8];
    static uint8_t big[TACTUS_MAX_PAYLOAD + 1];
    int rc;

    expect(tactus_crc32_update(0, (const uint8_t *)"123456789", 9) == 0xCBF43926ul, "CRC-32 check value");
    expect(tactus_crc32_update(tactus_crc32_update(0, (const uint8_t *)"1234", 4), (const uint8_t *)"56789", 5)
               == 0xCBF43926ul, "CRC-32 incremental");

    reset_capture();
    tactus_init(&e, capture, NULL);
    expect(tactus_put(&e, small, 1) == TACTUS_ERR_STATE, "put before begin");
    expect(tactus_end(&e) == TACTUS_ERR_STATE, "end before begin");
    expect(tactus_begin(&e, TACTUS_LOG, 0, 0) == TACTUS_OK, "begin");
    expect(tactus_begin(&e, TACTUS_LOG, 0, 0) == TACTUS_ERR_STATE, "begin twice");
    expect(tactus_end(&e) == TACTUS_OK, "end");

    /* Too long: abandoned with a delimiter, error from put and end, next packet fine. */
    reset_capture();
    tactus_init(&e, capture, NULL);
    tactus_begin(&e, TACTUS_LOG, 0, 0);
    expect(tactus_put(&e, big, TACTUS_MAX_PAYLOAD) == TACTUS_OK, "max payload accepted");
    rc = tactus_put(&e, big, 1);
    expect(rc == TACTUS_ERR_TOO_LONG, "payload over the limit rejected");
    expect(got_len > 0 && got[got_len - 1] == 0, "abandoned packet is cut by a delimiter");
    expect(tactus_put(&e, big, 1) == TACTUS_ERR_TOO_LONG, "put after abandon");
    expect(tactus_end(&e) == TACTUS_ERR_TOO_LONG, "end after abandon");
    expect(tactus_send(&e, TACTUS_START, 1, 0, NULL, 0) == TACTUS_OK, "encoder usable after abandon");
    expect(tactus_send(&e, TACTUS_LOG, 1, 0, big, TACTUS_MAX_PAYLOAD + 1) == TACTUS_ERR_TOO_LONG, "send too long");
    expect(tactus_send(&e, TACTUS_LOG, 1, 0, NULL, 3) == TACTUS_ERR_ARG, "send NULL payload");
    expect(tactus_send_frame_dense(&e, 0, cells, 32769u) == TACTUS_ERR_TOO_LONG, "dense frame over the limit");

    /* Decoder rejects damage. */
    {
        uint8_t buf[64], dec[64];
        tactus_packet pkt;
        size_t w = tactus_encode_to_buffer(buf, sizeof buf, TACTUS_SET_RATE, 5, 6, (const uint8_t *)"\x10\x00", 2);
        expect(tactus_decode_block(buf, w - 1, dec, sizeof dec, &pkt) == TACTUS_OK, "decode good block");
        expect(pkt.type == TACTUS_SET_RATE && pkt.payload_len == 2 && pkt.payload[0] == 0x10, "decoded fields");
        expect(tactus_decode_block(buf, w - 1, dec, 8, &pkt) == TACTUS_ERR_TOO_LONG, "decode into small buffer");
        buf[5] ^= 0x40;
        expect(tactus_decode_block(buf, w - 1, dec, sizeof dec, &pkt) == TACTUS_ERR_CRC, "decode bad CRC");
        expect(tactus_decode_block((const uint8_t *)"\x05\x01", 2, dec, sizeof dec, &pkt) == TACTUS_ERR_COBS,
               "decode bad COBS");
        expect(tactus_decode_block((const uint8_t *)"\x03\x01\x02", 3, dec, sizeof dec, &pkt) == TACTUS_ERR_SHORT,
               "decode short");
    }

    /* Caller buffer too small. */
    expect(tactus_encode_to_buffer(small, sizeof small, TACTUS_START, 0, 0, NULL, 0) == 0, "buffer too small");

    /* No zero byte except the last, for every payload length around the block size. */
    {
        size_t len, i;
        for (len = 0; len < 600; len++) {
            for (i = 0; i < len; i++) big[i] = (uint8_t)(1 + i % 250);
            got_len = tactus_encode_to_buffer(got, sizeof got, TACTUS_LOG, 0x0101, 0x01010101ul, big, len);
            expect(got_len > 0 && got_len <= tactus_max_wire_len(len), "wire length within bound");
            for (i = 0; i + 1 < got_len; i++) {
                if (got[i] == 0) {
                    expect(0, "zero inside encoded packet");
                    break;
                }
            }
            expect(got[got_len - 1] == 0, "ends with the delimiter");
        }
    }
}

int main(int argc, char **argv) {
    FILE *f;
    int count = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: %s vectors.txt\n", argv[0]);
        return 2;
    }
    f = fopen(argv[1], "r");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 2;
    }
    unit_checks();
    while (fgets(line, sizeof line, f) != NULL) {
        char *fields[6];
        int nf = 0, type;
        char *tok;
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] != '\n' && !feof(f)) {
            printf("FAIL line too long\n");
            failures++;
            break;
        }
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r' || line[0] == '\0') continue;
        for (tok = strtok(line, " \r\n"); tok != NULL && nf < 6; tok = strtok(NULL, " \r\n")) fields[nf++] = tok;
        if (nf != 6) {
            printf("FAIL malformed vector line\n");
            failures++;
            continue;
        }
        type = (int)strtol(fields[1], NULL, 16);
        run_vector(fields[0], type, strtoul(fields[2], NULL, 10), strtoul(fields[3], NULL, 10), fields[4], fields[5]);
        count++;
    }
    fclose(f);
    if (count == 0) {
        printf("FAIL no vectors read\n");
        failures++;
    }
    if (failures) {
        printf("%d failure(s)\n", failures);
        return 1;
    }
    printf("OK %d vectors\n", count);
    return 0;
}
