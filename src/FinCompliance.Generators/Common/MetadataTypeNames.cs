using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>
/// "Might this referenced assembly declare a type of one of these names?", read from its metadata's type-definition
/// table: every type, nested or not, its generic arity (<c>`1</c>) ignored, as <see cref="IAssemblySymbol.TypeNames"/>
/// has them. <c>TypeNames</c> builds a set of every type name of each assembly, which the compile itself never asks for
/// (issue #6: several MB for the framework's reference assemblies); this hashes the names' UTF-8 bytes in place and
/// allocates nothing. A hash match is a "may": the caller checks the symbols.
/// </summary>
internal static class MetadataTypeNames
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>
    /// True or false when the metadata of <paramref name="reference"/> could be read; null when it could not (the
    /// caller then asks the symbols). Top-level types of <paramref name="ownNamespace"/> do not count (FinCompliance's
    /// own attributes: the symbol check would accept them anyway, after loading every type of their assembly).
    /// </summary>
    public static bool? MayDeclareAny(PortableExecutableReference reference, NameHashes names, string ownNamespace)
    {
        try
        {
            switch (reference.GetMetadata())
            {
                case AssemblyMetadata assembly:
                    foreach (var module in assembly.GetModules())
                    {
                        if (MayDeclareAnyIn(module.GetMetadataReader(), names, ownNamespace) is not false and var found)
                        {
                            return found;
                        }
                    }

                    return false;
                case ModuleMetadata module:
                    return MayDeclareAnyIn(module.GetMetadataReader(), names, ownNamespace);
                default:
                    return null;
            }
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or ObjectDisposedException)
        {
            return null;
        }
    }

    private static unsafe bool? MayDeclareAnyIn(MetadataReader reader, NameHashes names, string ownNamespace)
    {
        var heap = reader.MetadataPointer + reader.GetHeapMetadataOffset(HeapIndex.String);
        var heapSize = reader.GetHeapSize(HeapIndex.String);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = type.Name;
            var offset = MetadataTokens.GetHeapOffset(name); // negative for a virtual (WinMD-projected) name
            if (offset < 0 || offset >= heapSize)
            {
                return null;
            }

            var hash = OffsetBasis;
            for (var at = heap + offset; at < heap + heapSize && *at != 0 && *at != (byte)'`'; at++)
            {
                hash = (hash ^ *at) * Prime;
            }

            if (names.Contains(hash) && !(type.GetDeclaringType().IsNil && reader.StringComparer.Equals(type.Namespace, ownNamespace)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the hashes of <paramref name="names"/> that <paramref name="reference"/> uses as a
    /// type name (nested or not, arity ignored) or as a part of a namespace name; false when its metadata could not be
    /// read (the caller then trusts none of the names).
    /// </summary>
    public static bool FindNames(PortableExecutableReference reference, NameHashes names, HashSet<ulong> found)
    {
        try
        {
            switch (reference.GetMetadata())
            {
                case AssemblyMetadata assembly:
                    foreach (var module in assembly.GetModules())
                    {
                        if (!FindNamesIn(module.GetMetadataReader(), names, found))
                        {
                            return false;
                        }
                    }

                    return true;
                case ModuleMetadata module:
                    return FindNamesIn(module.GetMetadataReader(), names, found);
                default:
                    return false;
            }
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    private static unsafe bool FindNamesIn(MetadataReader reader, NameHashes names, HashSet<ulong> found)
    {
        var heap = reader.MetadataPointer + reader.GetHeapMetadataOffset(HeapIndex.String);
        var heapSize = reader.GetHeapSize(HeapIndex.String);
        var namespacesSeen = new HashSet<int>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var nameOffset = MetadataTokens.GetHeapOffset(type.Name);
            var namespaceOffset = MetadataTokens.GetHeapOffset(type.Namespace);
            if (nameOffset < 0 || nameOffset >= heapSize || namespaceOffset < 0 || namespaceOffset >= heapSize)
            {
                return false; // a virtual (WinMD-projected) name
            }

            var hash = OffsetBasis;
            for (var at = heap + nameOffset; at < heap + heapSize && *at != 0 && *at != (byte)'`'; at++)
            {
                hash = (hash ^ *at) * Prime;
            }

            if (names.Contains(hash))
            {
                found.Add(hash);
            }

            // Each part of the namespace, once per namespace.
            if (namespacesSeen.Add(namespaceOffset))
            {
                hash = OffsetBasis;
                for (var at = heap + namespaceOffset; ; at++)
                {
                    var end = at >= heap + heapSize || *at == 0;
                    if (end || *at == (byte)'.')
                    {
                        if (hash != OffsetBasis && names.Contains(hash))
                        {
                            found.Add(hash);
                        }

                        if (end)
                        {
                            break;
                        }

                        hash = OffsetBasis;
                        continue;
                    }

                    hash = (hash ^ *at) * Prime;
                }
            }
        }

        return true;
    }

    /// <summary>The hash of a name, as <see cref="NameHashes"/> keeps it.</summary>
    public static ulong Hash(string name)
    {
        var hash = OffsetBasis;
        foreach (var octet in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ octet) * Prime;
        }

        return hash;
    }

    /// <summary>The hashes of a set of type names, as <see cref="MayDeclareAny"/> compares them.</summary>
    public sealed class NameHashes
    {
        private readonly ulong[] sorted;

        public NameHashes(IEnumerable<string> names)
        {
            var hashes = new List<ulong>();
            foreach (var name in names)
            {
                hashes.Add(Hash(name));
            }

            hashes.Sort();
            sorted = hashes.ToArray();
        }

        public bool Contains(ulong hash)
        {
            int low = 0, high = sorted.Length - 1;
            while (low <= high)
            {
                var middle = (low + high) >> 1;
                if (sorted[middle] == hash)
                {
                    return true;
                }

                if (sorted[middle] < hash)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return false;
        }
    }
}
