package com.example.weather.batch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.zip.GZIPInputStream;

import org.springframework.batch.infrastructure.item.file.BufferedReaderFactory;
import org.springframework.core.io.Resource;

/**
 * Opens a station file as a stream of lines: decompressed on the fly when it ends in {@code .gz}, with a UTF-8
 * byte-order mark dropped. Nothing is copied to local disk first, which matters for objects on S3.
 */
public class StationFileReaderFactory implements BufferedReaderFactory {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final int BYTE_ORDER_MARK = '\uFEFF';

	@Override
	public BufferedReader create(Resource resource, String encoding) throws IOException {
		InputStream in = resource.getInputStream();
		String name = resource.getFilename();
		if (name != null && name.endsWith(".gz")) {
			in = new GZIPInputStream(in, BUFFER_SIZE);
		}
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.forName(encoding)), BUFFER_SIZE);
		reader.mark(1);
		if (reader.read() != BYTE_ORDER_MARK) {
			reader.reset();
		}
		return reader;
	}

}
