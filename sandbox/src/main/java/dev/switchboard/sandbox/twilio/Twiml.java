package dev.switchboard.sandbox.twilio;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What the sandbox reads of the TwiML a call runs: a {@code <Dial>} with its
 * {@code record} and {@code recordingStatusCallback}, and the {@code <Number>} it dials
 * with that leg's {@code statusCallback} and {@code statusCallbackEvent}. Parsed with
 * DOCTYPEs refused.
 *
 * @param number the number dialled, none when the TwiML dials nobody
 */
record Twiml(@Nullable String number, @Nullable String callerId, @Nullable URI numberCallback, Set<String> numberEvents,
		boolean record, @Nullable URI recordingCallback) {

	static final Twiml NOTHING = new Twiml(null, null, null, Set.of(), false, null);

	static Twiml read(@Nullable String twiml) {
		if (twiml == null || twiml.isBlank()) {
			return NOTHING;
		}
		Document document = parse(twiml);
		NodeList dials = document.getElementsByTagName("Dial");
		if (dials.getLength() == 0) {
			return NOTHING;
		}
		Element dial = (Element) dials.item(0);
		NodeList numbers = dial.getElementsByTagName("Number");
		String text = (numbers.getLength() > 0) ? numbers.item(0).getTextContent() : dial.getTextContent();
		Element number = (numbers.getLength() > 0) ? (Element) numbers.item(0) : dial;
		String record = dial.getAttribute("record");
		return new Twiml(text.isBlank() ? null : text.strip(), blankToNull(dial.getAttribute("callerId")),
				uri(number.getAttribute("statusCallback")),
				Arrays.stream(number.getAttribute("statusCallbackEvent").split("\\s+"))
					.filter((event) -> !event.isBlank())
					.collect(Collectors.toUnmodifiableSet()),
				!record.isBlank() && !record.equals("do-not-record"),
				uri(dial.getAttribute("recordingStatusCallback")));
	}

	private static Document parse(String twiml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(twiml)));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalArgumentException("Twiml is not valid TwiML: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable URI uri(String value) {
		return value.isBlank() ? null : URI.create(value.strip());
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

}
