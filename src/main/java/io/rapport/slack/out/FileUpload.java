package io.rapport.slack.out;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Uploads a file to a Slack conversation with the current API ({@code files.upload} is retired):
 * {@code files.getUploadURLExternal}, POST the bytes to the URL it returns, then {@code
 * files.completeUploadExternal} to share the file in the channel.
 */
public final class FileUpload {
  private final SlackApi slack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public FileUpload(SlackApi slack) {
    this.slack = slack;
  }

  /** A failed upload step; the message names the step and Slack's error. */
  public static class UploadException extends Exception {
    public UploadException(String message) {
      super(message);
    }
  }

  /**
   * Uploads {@code bytes} and shares them in {@code channelId}.
   *
   * @return the file id
   */
  public String upload(String channelId, String filename, String title, byte[] bytes, String comment)
      throws UploadException {
    try {
      FilesGetUploadURLExternalResponse url =
          slack.methods().filesGetUploadURLExternal(r -> r.filename(filename).length(bytes.length));
      if (!url.isOk()) {
        throw new UploadException("files.getUploadURLExternal failed: " + url.getError());
      }
      HttpResponse<String> posted = http.send(
          HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/octet-stream")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (posted.statusCode() != 200) {
        throw new UploadException("uploading " + filename + " failed with HTTP " + posted.statusCode());
      }
      FilesCompleteUploadExternalResponse done =
          slack.methods().filesCompleteUploadExternal(r -> r
              .files(List.of(FileDetails.builder().id(url.getFileId()).title(title).build()))
              .channelId(channelId)
              .initialComment(comment));
      if (!done.isOk()) {
        throw new UploadException("files.completeUploadExternal failed: " + done.getError());
      }
      return url.getFileId();
    } catch (IOException | SlackApiException e) {
      throw new UploadException("uploading " + filename + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException("uploading " + filename + " was interrupted");
    }
  }

  /** The id of the bot's direct-message conversation with {@code userId}. */
  public String directMessageWith(String userId) throws UploadException {
    try {
      ConversationsOpenResponse r = slack.methods().conversationsOpen(req -> req.users(List.of(userId)));
      if (!r.isOk() || r.getChannel() == null) {
        throw new UploadException("conversations.open failed: " + r.getError());
      }
      return r.getChannel().getId();
    } catch (IOException | SlackApiException e) {
      throw new UploadException("conversations.open failed: " + e.getMessage());
    }
  }
}
