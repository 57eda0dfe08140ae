package txtar

import "testing"

func TestParse(t *testing.T) {
	a := Parse("comment\n-- a.txt --\nhello\n-- dir/b.yaml --\nx: 1\n")
	if a.Comment != "comment\n" {
		t.Errorf("Comment = %q, want %q", a.Comment, "comment\n")
	}
	if got, _ := a.Get("a.txt"); got != "hello\n" {
		t.Errorf("a.txt = %q, want %q", got, "hello\n")
	}
	if got, _ := a.Get("dir/b.yaml"); got != "x: 1\n" {
		t.Errorf("dir/b.yaml = %q, want %q", got, "x: 1\n")
	}
	if _, ok := a.FS("a.txt")["a.txt"]; ok {
		t.Errorf("FS did not skip a.txt")
	}
}
