# A character display driver (HD44780-style 16x4 text panel) with a RAM frame buffer. show() pushes the
# frame to the panel; without a panel it prints the frame, which is what the unix port shows.

COLS = 16
ROWS = 4


class CharDisplay:
    def __init__(self, cols=COLS, rows=ROWS, out=None):
        self.cols = cols
        self.rows = rows
        self.buf = bytearray(b" " * (cols * rows))
        self.out = out

    def clear(self):
        for i in range(len(self.buf)):
            self.buf[i] = 0x20

    def text(self, row, s):
        if not 0 <= row < self.rows:
            raise ValueError("row out of range")
        base = row * self.cols
        for i, ch in enumerate(s[: self.cols]):
            self.buf[base + i] = ord(ch)

    def lines(self):
        return [bytes(self.buf[r * self.cols : (r + 1) * self.cols]).decode() for r in range(self.rows)]

    def show(self):
        frame = "|" + "|\n|".join(self.lines()) + "|"
        if self.out is None:
            print(frame)
        else:
            self.out(frame)
