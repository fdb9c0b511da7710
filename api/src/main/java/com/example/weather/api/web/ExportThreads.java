package com.example.weather.api.web;

/**
 * The server's side of a running CSV export, which holds a request thread for as long as its client reads: the
 * server lends one more thread while it runs, so that short requests keep as many as the pool has connections.
 */
public interface ExportThreads {

	/** Where no server counts request threads: a test slice without one. */
	ExportThreads NONE = new ExportThreads() {

		@Override
		public void lend() {
		}

		@Override
		public void giveBack() {
		}

	};

	/** An export started on the calling request thread. */
	void lend();

	/** An export ended. */
	void giveBack();

}
