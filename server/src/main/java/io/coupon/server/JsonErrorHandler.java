package io.coupon.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.http.ApiException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests it refuses before any route sees them (a header over the limit, a bad Host, a
 * URI too long, a body that stopped arriving, a malformed request line) in the contract's error envelope
 * instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = JsonSerdes.mapper();

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.write(true, envelope(status, message), callback);
    }

    /** The answer to a request so broken that Jetty never made a request of it. */
    @Override
    public ByteBuffer badMessageError(int status, String message, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        return envelope(status, message);
    }

    static ByteBuffer envelope(int status, String message) {
        ApiException error = new ApiException(status, ErrorCodes.of(status), ErrorCodes.message(status, message));
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(error.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of two strings is always JSON", e);
        }
    }
}
