/** A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise (logs, CI). */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.draw(true);
  }

  tick(n = 1) {
    this.done += n;
    this.draw(false);
  }

  finish() {
    this.done = this.total;
    this.draw(true);
    if (this.stream.isTTY) this.stream.write("\n");
  }

  private draw(force: boolean) {
    const now = Date.now();
    const ratio = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const elapsed = ((now - this.started) / 1000).toFixed(1);
    const line = (bar: string) => `${this.label.padEnd(22)} ${bar} ${(ratio * 100).toFixed(0).padStart(3)} % ${this.done.toLocaleString("en")}/${this.total.toLocaleString("en")} ${elapsed}s`;
    if (this.stream.isTTY) {
      if (!force && now - this.lastDraw < 150) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(ratio * width);
      this.stream.write(`\r${line(`[${"#".repeat(filled)}${"-".repeat(width - filled)}]`)}`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      this.stream.write(`${line("")}\n`);
    }
  }
}
