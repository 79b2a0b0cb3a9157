<?php
// HTML in on stdin, HTML out on stdout, filtered as Moodle filters text that teachers paste or import: HTML Purifier
// configured exactly as purify_html() in moodle/moodle lib/weblib.php (the version with 'HTML.DefinitionRev' 6 and the
// media elements, `function purify_html($text, $options = array())`): the config->set() calls from 'HTML.DefinitionID' to
// 'Attr.AllowedFrameTargets', and the maybeGetRawHTMLDefinition() block (nolink, tex, algebra, lang, xxxlang, the media
// elements video/audio/source/track, the Ruby module). Moodle's cache settings become Cache.DefinitionImpl null (no cache)
// ; left out: the options a site must turn on (allowobjectembed, allowid), which are off by default.
// Usage: php purify.php <folder holding HTMLPurifier.auto.php>

$library = $argv[1] ?? '';
if (!is_file("$library/HTMLPurifier.auto.php")) {
    fwrite(STDERR, "No HTMLPurifier.auto.php in '$library'\n");
    exit(2);
}
require_once "$library/HTMLPurifier.auto.php";

$config = HTMLPurifier_Config::createDefault();
$config->set('HTML.DefinitionID', 'moodlehtml');
$config->set('HTML.DefinitionRev', 6);
$config->set('Cache.DefinitionImpl', null);
$config->set('Core.NormalizeNewlines', false);
$config->set('Core.ConvertDocumentToFragment', true);
$config->set('Core.Encoding', 'UTF-8');
$config->set('HTML.Doctype', 'XHTML 1.0 Transitional');
$config->set('URI.AllowedSchemes', array(
    'http' => true,
    'https' => true,
    'ftp' => true,
    'irc' => true,
    'nntp' => true,
    'news' => true,
    'rtsp' => true,
    'rtmp' => true,
    'teamspeak' => true,
    'gopher' => true,
    'mms' => true,
    'mailto' => true
));
$config->set('Attr.AllowedFrameTargets', array('_blank'));

if ($def = $config->maybeGetRawHTMLDefinition()) {
    $def->addElement('nolink', 'Inline', 'Flow', array());
    $def->addElement('tex', 'Inline', 'Inline', array());
    $def->addElement('algebra', 'Inline', 'Inline', array());
    $def->addElement('lang', 'Block', 'Flow', array(), array('lang' => 'CDATA'));
    $def->addAttribute('span', 'xxxlang', 'CDATA');
    $def->addElement('video', 'Block', 'Optional: #PCDATA | Flow | source | track', 'Common', [
        'src' => 'URI', 'crossorigin' => 'Enum#anonymous,use-credentials', 'poster' => 'URI',
        'preload' => 'Enum#auto,metadata,none', 'autoplay' => 'Bool', 'playsinline' => 'Bool', 'loop' => 'Bool',
        'muted' => 'Bool', 'controls' => 'Bool', 'width' => 'Length', 'height' => 'Length',
    ]);
    $def->addElement('audio', 'Block', 'Optional: #PCDATA | Flow | source | track', 'Common', [
        'src' => 'URI', 'crossorigin' => 'Enum#anonymous,use-credentials', 'preload' => 'Enum#auto,metadata,none',
        'autoplay' => 'Bool', 'loop' => 'Bool', 'muted' => 'Bool', 'controls' => 'Bool'
    ]);
    $def->addElement('source', false, 'Empty', null, ['src' => 'URI', 'type' => 'Text']);
    $def->addElement('track', false, 'Empty', null, [
        'src' => 'URI', 'kind' => 'Enum#subtitles,captions,descriptions,chapters,metadata', 'srclang' => 'Text',
        'label' => 'Text', 'default' => 'Bool',
    ]);
    $def->manager->addModule(new HTMLPurifier_HTMLModule_Ruby());
}

echo (new HTMLPurifier($config))->purify(stream_get_contents(STDIN));
