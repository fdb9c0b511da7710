package com.example.weather.batch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes station files of the real dataset's shape: a line per day, tab-separated and space-padded, tenths of a
 * degree and of a millimetre, a few missing values, seasonal temperatures. Deterministic for a given seed.
 * <p>
 * Runs without the build, for benchmarks:
 * {@code java batch-job/src/test/java/com/example/weather/batch/support/SyntheticStationFiles.java DIR STATIONS FROM_YEAR TO_YEAR}
 */
public final class SyntheticStationFiles {

	private final long seed;

	public SyntheticStationFiles(long seed) {
		this.seed = seed;
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 4) {
			System.err.println("usage: SyntheticStationFiles DIR STATIONS FROM_YEAR TO_YEAR");
			System.exit(2);
		}
		Path dir = Path.of(args[0]);
		int stations = Integer.parseInt(args[1]);
		long lines = new SyntheticStationFiles(42).write(dir, stations, Integer.parseInt(args[2]),
				Integer.parseInt(args[3]));
		System.out.printf("%d stations, %d lines written to %s%n", stations, lines, dir);
	}

	/** Writes {@code stations} files named {@code SYN00000001.txt}...; returns the number of lines. */
	public long write(Path dir, int stations, int fromYear, int toYear) throws IOException {
		Files.createDirectories(dir);
		long lines = 0;
		for (int i = 1; i <= stations; i++) {
			lines += writeStation(dir.resolve(stationId(i) + ".txt"), i, fromYear, toYear, false);
		}
		return lines;
	}

	public static String stationId(int number) {
		return "SYN%08d".formatted(number);
	}

	/** One station's file; gzip-compressed when {@code gzip} is set. Returns the number of lines. */
	public long writeStation(Path file, int station, int fromYear, int toYear, boolean gzip) throws IOException {
		Random random = new Random(this.seed * 31 + station);
		try (OutputStream out = Files.newOutputStream(file);
				OutputStream body = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
				Writer writer = new java.io.BufferedWriter(
						new java.io.OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
			long lines = 0;
			LocalDate end = LocalDate.of(toYear, 12, 31);
			for (LocalDate day = LocalDate.of(fromYear, 1, 1); !day.isAfter(end); day = day.plusDays(1)) {
				double season = Math.cos(2 * Math.PI * (day.getDayOfYear() - 200) / 365.25);
				int max = (int) Math.round(160 + 150 * season + random.nextGaussian() * 40);
				int min = max - 60 - random.nextInt(80);
				int precipitation = (random.nextInt(3) == 0) ? random.nextInt(400) : 0;
				writer.write(line(day, missingOr(random, max), missingOr(random, min), missingOr(random, precipitation)));
				lines++;
			}
			return lines;
		}
	}

	public static String line(LocalDate date, int max, int min, int precipitation) {
		return "%04d%02d%02d\t%5d\t%5d\t%5d\n".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
				max, min, precipitation);
	}

	private static int missingOr(Random random, int value) {
		return (random.nextInt(50) == 0) ? -9999 : value;
	}

}
