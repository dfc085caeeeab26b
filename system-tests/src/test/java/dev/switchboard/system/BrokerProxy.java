package dev.switchboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the services and the real RabbitMQ, so that the chaos suite can cut
 * the broker connection without touching the machine's shared broker. {@link #cut()}
 * closes every proxied connection and refuses new ones (closed as soon as accepted, as a
 * broker that went away); {@link #restore()} lets connections through again. One virtual
 * thread per direction of each connection.
 */
final class BrokerProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	BrokerProxy(int port, String targetHost, int targetPort) throws IOException {
		this.server = new ServerSocket();
		this.server.setReuseAddress(true);
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		Thread.ofVirtual().name("broker-proxy-accept").start(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Closes every connection through the proxy and refuses new ones until restored. */
	void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.open.clear();
	}

	void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				Socket broker;
				try {
					broker = new Socket(this.targetHost, this.targetPort);
				}
				catch (IOException ex) {
					closeQuietly(client);
					continue;
				}
				client.setTcpNoDelay(true);
				broker.setTcpNoDelay(true);
				this.open.add(client);
				this.open.add(broker);
				Thread.ofVirtual().start(() -> pipe(client, broker));
				Thread.ofVirtual().start(() -> pipe(broker, client));
			}
			catch (IOException ex) {
				// the server socket closed, or the broker refused: the client sees a
				// closed
				// connection either way
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// one side closed or the proxy cut it
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		cut();
	}

}
