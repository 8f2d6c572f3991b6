# Parses each NUL-separated text of stdin as Jekyll does (its tags, Liquid's "warn"
# error mode, or "strict" when that is the first argument, as `liquid: error_mode:
# strict` in _config.yml asks) and prints one line for each: "OK", or "ERR " and the error's first
# line. A tag Liquid and Jekyll do not know is registered for that text as a plugin
# would: a block when its end tag is there too (one that takes any inner tag), else
# a plain tag.
require "jekyll"

class PluginTag < Liquid::Tag; end
# A plugin's block may take inner tags of its own (`else`...); an end tag of another block it cannot.
class PluginBlock < Liquid::Block
  def unknown_tag(name, markup, tokens)
    super if name.start_with?("end")
  end
end
INNER = %w[else elsif when end].freeze
MODE = ARGV[0] == "strict" ? :strict : :warn

STDIN.read.split("\u0000", -1).each do |text|
  added = []
  text.scan(/\{%-?\s*(\w+)/).flatten.uniq.each do |name|
    next if Liquid::Template.tags[name] || INNER.include?(name) || name.start_with?("end")
    block = text.match?(/\{%-?\s*end#{name}\b/)
    Liquid::Template.register_tag(name, block ? PluginBlock : PluginTag)
    added << name
  end
  begin
    Liquid::Template.parse(text, error_mode: MODE)
    puts "OK"
  rescue Exception => e # Jekyll's highlight raises Ruby's SyntaxError
    puts "ERR #{e.message.lines.first.to_s.strip}"
  ensure
    added.each { |name| Liquid::Template.tags.delete(name) }
  end
end
