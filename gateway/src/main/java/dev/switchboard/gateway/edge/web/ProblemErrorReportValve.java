package dev.switchboard.gateway.edge.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

/**
 * What Tomcat refuses before any filter runs (an encoded slash or NUL in the path, a
 * backslash, a malformed request line) is answered as a problem detail too, not as
 * Tomcat's HTML page, and without the server's name or a stack trace.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer
					.write("{\"type\":\"urn:switchboard:problem:edge:refused-by-server\",\"title\":\"Request refused\","
							+ "\"status\":" + status + ",\"detail\":\"The server refused the request before reading it "
							+ "(for example an encoded slash, a NUL or a backslash in the path).\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone: nothing to report to
		}
	}

}
