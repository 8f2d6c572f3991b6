# For each NUL-separated text of stdin, the 1-based lines where kramdown (the
# kramdown and kramdown-parser-gfm that the `jekyll` package runs, with Jekyll's
# options: GFM input, no hard wraps) starts a table, space-separated, one line per
# text; with --ol, where it starts an ordered list instead. With --liquid, each text
# is first rendered by Liquid, as Jekyll does, with the variables a and x set.
require "kramdown"
require "kramdown-parser-gfm"
require "liquid"

WANTED = ARGV.include?("--ol") ? :ol : :table

def elements(element, found)
  found << element.options[:location] if element.type == WANTED
  element.children.each { |child| elements(child, found) }
  found
end

STDIN.read.split("\u0000", -1).each do |text|
  text = Liquid::Template.parse(text).render("a" => true, "x" => "X") if ARGV.include?("--liquid")
  root = Kramdown::Document.new(text, input: "GFM", hard_wrap: false).root
  puts elements(root, []).join(" ")
end
