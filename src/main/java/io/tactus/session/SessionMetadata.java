package io.tactus.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.tactus.protocol.DeviceDescriptor;
import java.time.Instant;

/**
 * What a recording says about itself (the METADATA record, JSON). Free-form parts that belong to the signal
 * core ({@code calibration}, {@code bodyMap}) are kept as JSON so the format does not change when the core does.
 *
 * @param appVersion  version of the writing application
 * @param startUtc    wall-clock start of the recording, ISO-8601 UTC (e.g. 2026-11-23T12:00:00Z)
 * @param source      the source's name (port, simulator scenario...)
 * @param device      device descriptor known at start (null if no HELLO was seen yet; the stream carries it)
 * @param calibration calibration in use (JSON as produced by the signal core), may be null
 * @param profile     pressure profile name, may be null
 * @param bodyMap     body-map registration in use (JSON), may be null
 * @param trainee     trainee pseudonym (never a real name), may be null
 * @param receiver    receiver pseudonym, may be null
 * @param notes       free notes, may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionMetadata(
        @JsonProperty("app_version") String appVersion,
        @JsonProperty("start_utc") String startUtc,
        @JsonProperty("source") String source,
        @JsonProperty("device") DeviceDescriptor device,
        @JsonProperty("calibration") JsonNode calibration,
        @JsonProperty("profile") String profile,
        @JsonProperty("body_map") JsonNode bodyMap,
        @JsonProperty("trainee") String trainee,
        @JsonProperty("receiver") String receiver,
        @JsonProperty("notes") String notes) {

    /** Metadata with only the start time set to now; fill the rest with the {@code with...} methods. */
    public static SessionMetadata now() {
        return new SessionMetadata(null, Instant.now().toString(), null, null, null, null, null, null, null, null);
    }

    public SessionMetadata withAppVersion(String v) {
        return new SessionMetadata(v, startUtc, source, device, calibration, profile, bodyMap, trainee, receiver, notes);
    }

    public SessionMetadata withStartUtc(String v) {
        return new SessionMetadata(appVersion, v, source, device, calibration, profile, bodyMap, trainee, receiver, notes);
    }

    public SessionMetadata withSource(String v) {
        return new SessionMetadata(appVersion, startUtc, v, device, calibration, profile, bodyMap, trainee, receiver, notes);
    }

    public SessionMetadata withDevice(DeviceDescriptor v) {
        return new SessionMetadata(appVersion, startUtc, source, v, calibration, profile, bodyMap, trainee, receiver, notes);
    }

    public SessionMetadata withCalibration(JsonNode v) {
        return new SessionMetadata(appVersion, startUtc, source, device, v, profile, bodyMap, trainee, receiver, notes);
    }

    public SessionMetadata withProfile(String v) {
        return new SessionMetadata(appVersion, startUtc, source, device, calibration, v, bodyMap, trainee, receiver, notes);
    }

    public SessionMetadata withBodyMap(JsonNode v) {
        return new SessionMetadata(appVersion, startUtc, source, device, calibration, profile, v, trainee, receiver, notes);
    }

    public SessionMetadata withTrainee(String v) {
        return new SessionMetadata(appVersion, startUtc, source, device, calibration, profile, bodyMap, v, receiver, notes);
    }

    public SessionMetadata withReceiver(String v) {
        return new SessionMetadata(appVersion, startUtc, source, device, calibration, profile, bodyMap, trainee, v, notes);
    }

    public SessionMetadata withNotes(String v) {
        return new SessionMetadata(appVersion, startUtc, source, device, calibration, profile, bodyMap, trainee, receiver, v);
    }
}
