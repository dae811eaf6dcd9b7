package dev.sluice.worker.adapter.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads back, in process through libavformat, what this worker's own ffmpeg has just written.
 * Only for outputs: a source is hostile and is probed by ffprobe in a child process, so a parser
 * bug it triggers cannot take the JVM down, while an output comes from FFmpeg's own muxers and
 * encoders. In process a check costs about a millisecond instead of the ~60 ms of starting
 * ffprobe, which was most of what the transcoder added over a bare ffmpeg run (bench/transcode).
 * It fills the same fields ffprobe prints and hands them to {@link ProbeJson}, so both probes
 * read a file by the same rules.
 */
final class LibavformatProbe implements FileInspector {
  private final ObjectMapper mapper = new ObjectMapper();
  private final ProbeJson json = new ProbeJson();

  /** Loads libavformat into the JVM now (about half a second), not on the first job. */
  LibavformatProbe() {
    Loader.load(avformat.class);
    // In-process libav logs to the JVM's stderr (e.g. the HLS demuxer's "Opening ... for reading");
    // only errors belong there, and the verifier reports those itself.
    org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
  }

  @Override
  public Inspection inspect(Path file, String formats) {
    AVFormatContext context = new AVFormatContext(null);
    AVDictionary options = new AVDictionary(null);
    try {
      av_dict_set(options, "protocol_whitelist", "file", 0);
      av_dict_set(options, "format_whitelist", formats, 0);
      int opened = avformat_open_input(context, MediaFormats.fileUrl(file), null, options);
      if (opened < 0) {
        return new Inspection.Unreadable("libavformat cannot open it: " + error(opened));
      }
      try {
        int found = avformat_find_stream_info(context, (PointerPointer<?>) null);
        if (found < 0) {
          return new Inspection.Unreadable("libavformat finds no streams: " + error(found));
        }
        return json.parse(report(context));
      } finally {
        avformat_close_input(context);
      }
    } finally {
      av_dict_free(options);
    }
  }

  /** The context as ffprobe's JSON would show it (the entries {@link ProbeJson} reads). */
  private ObjectNode report(AVFormatContext context) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode format = root.putObject("format");
    format.put("format_name", context.iformat().name().getString());
    if (context.duration() != AV_NOPTS_VALUE) {
      format.put("duration", seconds(context.duration(), 1, 1_000_000));
    }
    var streams = root.putArray("streams");
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      var parameters = stream.codecpar();
      int type = parameters.codec_type();
      ObjectNode node = streams.addObject();
      node.put("codec_type", type == AVMEDIA_TYPE_VIDEO ? "video"
          : type == AVMEDIA_TYPE_AUDIO ? "audio" : "other");
      node.put("codec_name", avcodec_get_name(parameters.codec_id()).getString());
      node.put("width", parameters.width());
      node.put("height", parameters.height());
      AVRational rate = stream.avg_frame_rate();
      node.put("avg_frame_rate", rate.num() + "/" + rate.den());
      if (stream.duration() != AV_NOPTS_VALUE) {
        AVRational base = stream.time_base();
        node.put("duration", seconds(stream.duration(), base.num(), base.den()));
      }
      node.putObject("disposition").put("attached_pic",
          (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0 ? 1 : 0);
    }
    return root;
  }

  private static String seconds(long ticks, int num, int den) {
    return String.format(Locale.ROOT, "%.6f", (double) ticks * num / den);
  }

  private static String error(int code) {
    byte[] buffer = new byte[256];
    av_strerror(code, buffer, buffer.length);
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
  }
}
