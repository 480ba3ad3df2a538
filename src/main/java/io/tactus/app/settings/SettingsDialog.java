package io.tactus.app.settings;

import io.tactus.render.ColorMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;

/**
 * Settings: detection profile and its per-region bands (target band on a ControlsFX RangeSlider, hard maximum
 * in a spinner), spine band width, colour map, sound. Returns the edited {@link AppSettings}; band edits are
 * stored as overrides of the chosen built-in profile, so the profile's sourced defaults stay intact.
 */
public final class SettingsDialog extends Dialog<AppSettings> {

    /** Deep tissue's bands top out near 200 kPa; a wider scale would squeeze Gentle's 10-40 kPa band. */
    private static final double SLIDER_MAX_KPA = 250;

    /** Editors for one region's band. */
    private record BandEditor(RangeSlider target, Spinner<Double> hardMax) {
    }

    private final AppSettings start;
    private final Map<String, Map<String, double[]>> overrides = new HashMap<>();
    private final Map<BodyRegion, BandEditor> editors = new EnumMap<>(BodyRegion.class);
    private final GridPane bands = new GridPane();
    private final ComboBox<Profile> profile = new ComboBox<>();
    private Profile shown;

    public SettingsDialog(AppSettings settings) {
        this.start = settings;
        if (settings.bandOverrides() != null) {
            settings.bandOverrides().forEach((p, m) -> overrides.put(p, new LinkedHashMap<>(m)));
        }
        setTitle("Settings");
        setHeaderText("Detection profile, bands and display");
        profile.getItems().setAll(Profiles.builtIn());
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(Profile p) {
                return p == null ? "" : p.name();
            }

            @Override
            public Profile fromString(String s) {
                return null;
            }
        });
        profile.setId("profileChoice");
        Profile current = settings.toSignalSettings().profile();
        profile.getItems().stream().filter(p -> p.id().equals(current.id())).findFirst()
                .ifPresent(p -> profile.getSelectionModel().select(p));
        Spinner<Double> spine = new Spinner<>(10.0, 50.0, settings.spineHalfWidthMm() > 0
                ? settings.spineHalfWidthMm() : 20.0, 1.0);
        spine.setId("spineWidth");
        spine.setEditable(true);
        ComboBox<ColorMap> colors = new ComboBox<>();
        colors.getItems().setAll(ColorMap.values());
        colors.getSelectionModel().select(settings.colorMap());
        CheckBox autoScale = new CheckBox("From the profile (target band mid-scale)");
        autoScale.setId("scaleAuto");
        autoScale.setSelected(settings.scaleAuto());
        Spinner<Double> fixedScale = new Spinner<>(10.0, 2000.0, settings.scaleAuto()
                ? io.tactus.app.heat.DisplayOptions.DEFAULT_SCALE_MAX_KPA : settings.scaleMaxKpa(), 10.0);
        fixedScale.setId("scaleFixed");
        fixedScale.setEditable(true);
        fixedScale.setPrefWidth(100);
        fixedScale.disableProperty().bind(autoScale.selectedProperty());
        javafx.scene.layout.HBox scale = new javafx.scene.layout.HBox(10, autoScale, new Label("or fixed, kPa"),
                fixedScale);
        scale.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox muted = new CheckBox("Mute the alert sound");
        muted.setSelected(settings.soundMuted());

        GridPane top = new GridPane();
        top.setHgap(10);
        top.setVgap(8);
        top.addRow(0, new Label("Profile"), profile);
        top.addRow(1, new Label("Spine band half-width (mm)"), spine);
        top.addRow(2, new Label("Colour map"), colors);
        top.addRow(3, new Label("Colour scale top"), scale);
        top.add(muted, 1, 4);
        bands.setHgap(10);
        bands.setVgap(6);
        Label hint = new Label("Per region: target band (slider, kPa) and hard maximum (kPa). The spine and the "
                + "bones are flagged on any contact and have no band. Changes apply to this profile for you only; "
                + "the built-in values and their sources are in docs/PROFILES.md.");
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        ScrollPane scroll = new ScrollPane(bands);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        VBox box = new VBox(12, top, hint, scroll);
        box.setPadding(new Insets(10));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        showBands(profile.getValue());
        profile.valueProperty().addListener((o, a, p) -> {
            keepEdits();
            showBands(p);
        });
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            keepEdits();
            Profile p = profile.getValue();
            return start.withProfile(p == null ? start.profile() : p.id())
                    .withSpineHalfWidthMm(spine.getValue())
                    .withColorMap(colors.getValue())
                    .withScaleMaxKpa(autoScale.isSelected() ? AppSettings.SCALE_AUTO : fixedScale.getValue())
                    .withSoundMuted(muted.isSelected())
                    .withBandOverrides(Map.copyOf(overrides));
        });
    }

    /** Regions with a band editor for the selected profile (the profile's scored regions). */
    public java.util.Set<BodyRegion> editableRegions() {
        return java.util.Set.copyOf(editors.keySet());
    }

    /** Builds the band editors for {@code p}, showing this user's overrides where there are any. */
    private void showBands(Profile p) {
        bands.getChildren().clear();
        editors.clear();
        shown = p;
        if (p == null) {
            return;
        }
        Map<String, double[]> mine = overrides.getOrDefault(p.id(), Map.of());
        // Column headings: without them "10-40" and "88" beside each region did not say which was which.
        Label[] heads = {new Label("Region"), new Label("Target band, drag either end"), new Label("kPa"),
            new Label("Hard maximum, kPa")};
        for (Label h : heads) {
            h.getStyleClass().add("hint");
        }
        heads[1].setId("bandHeading");
        heads[3].setId("hardMaxHeading");
        bands.addRow(0, heads);
        int row = 1;
        for (BodyRegion r : BodyRegion.values()) {
            Band b = p.band(r);
            // The spine and bones have no band to work within: any contact there is flagged.
            if (b == null || r.kind() != BodyRegion.Kind.MUSCLE) {
                continue;
            }
            double[] o = mine.get(r.id());
            double min = o != null ? o[0] : b.targetMin();
            double max = o != null ? o[1] : b.targetMax();
            double hard = o != null && o.length > 2 ? o[2] : Math.min(b.hardMaxOrInfinity(), 1000);
            RangeSlider target = new RangeSlider(0, SLIDER_MAX_KPA, Math.min(min, SLIDER_MAX_KPA),
                    Math.min(max, SLIDER_MAX_KPA));
            target.setShowTickLabels(true);
            target.setMajorTickUnit(50);
            target.setPrefWidth(300);
            target.setId("band-" + r.id());
            Label value = new Label();
            value.setMinWidth(70);
            value.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> String.format(Locale.ROOT, "%.0f-%.0f", target.getLowValue(), target.getHighValue()),
                    target.lowValueProperty(), target.highValueProperty()));
            Spinner<Double> hardMax = new Spinner<>(1.0, 1000.0, hard, 5.0);
            hardMax.setEditable(true);
            hardMax.setPrefWidth(100);
            editors.put(r, new BandEditor(target, hardMax));
            bands.addRow(row++, new Label(io.tactus.signal.body.BodyMap.standard().displayName(r)), target, value, hardMax);
        }
    }

    /** Stores the editors' values as overrides of the shown profile where they differ from it. */
    private void keepEdits() {
        if (shown == null) {
            return;
        }
        Map<String, double[]> mine = new LinkedHashMap<>();
        editors.forEach((r, e) -> {
            Band b = shown.band(r);
            double min = Math.round(e.target().getLowValue());
            double max = Math.round(e.target().getHighValue());
            double hard = Math.max(e.hardMax().getValue(), max);
            boolean same = min == b.targetMin() && max == b.targetMax()
                    && hard == Math.min(b.hardMaxOrInfinity(), 1000);
            if (!same) {
                mine.put(r.id(), new double[] {min, max, hard});
            }
        });
        if (mine.isEmpty()) {
            overrides.remove(shown.id());
        } else {
            overrides.put(shown.id(), mine);
        }
    }
}
