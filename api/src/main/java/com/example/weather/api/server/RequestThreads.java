package com.example.weather.api.server;

import com.example.weather.api.web.ExportThreads;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;

/**
 * Tomcat's request threads: {@code server.tomcat.threads.max} for short requests, as many as the pool has
 * connections, plus one lent to each running CSV export for as long as it runs. A thread past the pool's connections
 * would only wait for one in turn, and each wait costs a sleep and a wake-up on both sides of the pool; an export
 * would take a thread from the short requests for minutes.
 */
public class RequestThreads implements ExportThreads {

	private final int threads;

	private int lent;

	private AbstractProtocol<?> protocol;

	public RequestThreads(int threads) {
		this.threads = threads;
	}

	/** Takes the connector whose threads to count. */
	synchronized void serve(Connector connector) {
		if (connector.getProtocolHandler() instanceof AbstractProtocol<?> handler) {
			this.protocol = handler;
		}
	}

	@Override
	public synchronized void lend() {
		this.lent++;
		resize();
	}

	@Override
	public synchronized void giveBack() {
		this.lent--;
		resize();
	}

	/** The most request threads the connector may run now. */
	public synchronized int max() {
		return (this.protocol != null) ? this.protocol.getMaxThreads() : this.threads + this.lent;
	}

	private void resize() {
		if (this.protocol != null) {
			// grows or shrinks the running executor; a thread over the bound ends when it next goes idle
			this.protocol.setMaxThreads(this.threads + this.lent);
		}
	}

}
