import io.rapport.cli.AnalyzeCommand;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import picocli.CommandLine;

/**
 * Runs {@code analyze FILE --json} over a generated book and reports the wall time and the peak
 * heap. The JSON goes to OUT (default: discarded). Run under /usr/bin/time -v for peak RSS.
 *
 * <p>Run: java -cp target/rapport.jar bench/AnalyzeBook.java bench/out/book.json [OUT.json|-] [runs]
 */
public class AnalyzeBook {
  public static void main(String[] args) throws Exception {
    String file = args[0];
    String target = args.length > 1 ? args[1] : "-";
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int run = 1; run <= runs; run++) {
      PrintStream out =
          target.equals("-")
              ? new PrintStream(OutputStream.nullOutputStream())
              : new PrintStream(new java.io.FileOutputStream(target));
      long start = System.nanoTime();
      int code = new CommandLine(new AnalyzeCommand(out, System.err)).execute(file, "--json");
      double seconds = (System.nanoTime() - start) / 1e9;
      out.close();
      System.out.printf("run %d: exit %d, %.2f s%n", run, code, seconds);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap used (sum of pool peaks): %d MB%n", peak >> 20);
  }
}
